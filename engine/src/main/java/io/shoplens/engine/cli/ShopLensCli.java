package io.shoplens.engine.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code shoplens}: the engine's command line. Exit codes (docs/ANALYSES.md): 0 success, 2 bad
 * arguments (picocli prints the usage), 3 an input that cannot be read at all.
 */
@Command(name = "shoplens",
        mixinStandardHelpOptions = true,
        versionProvider = EngineVersion.class,
        description = "E-commerce behaviour log workbench on Apache Spark.",
        subcommands = {
                ImportCommand.class,
                DatasetsCommand.class,
                GenerateCommand.class,
                AnalyzeCommand.class,
                ReportCommand.class,
                ShellCommand.class,
                BenchCommand.class,
                ProduceCommand.class,
                CommandLine.HelpCommand.class
        })
public final class ShopLensCli implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_BAD_ARGUMENTS = 2;
    public static final int EXIT_UNREADABLE_INPUT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // The CLI never shows a window; reports draw charts with Java2D on servers and in CI.
        System.setProperty("java.awt.headless", "true");
        int code = execute(args);
        io.shoplens.engine.spark.SparkSessions.stop();
        System.exit(code);
    }

    /** Runs the CLI without exiting the JVM (for tests and the app's own use). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new ShopLensCli());
        // Picocli uses this mapper for usage errors too, so they must keep their exit code 2.
        cli.setExitCodeExceptionMapper(e -> e instanceof UnreadableInputException ? EXIT_UNREADABLE_INPUT
                : e instanceof CommandLine.ParameterException ? EXIT_BAD_ARGUMENTS : 1);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("shoplens: " + e.getMessage());
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
