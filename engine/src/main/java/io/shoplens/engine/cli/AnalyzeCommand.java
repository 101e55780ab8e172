package io.shoplens.engine.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.shoplens.engine.run.ResultFiles;
import io.shoplens.engine.run.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code shoplens analyze}: from raw logs to the tables of docs/ANALYSES.md in one command. Inputs are
 * imported into the given workspace (where the run is also recorded) or into a temporary one.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Imports the inputs, runs analyses and writes DIR/<analysis>/<table>.csv.")
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InputOptions input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Mixin
    AnalysisOptions options;

    @Override
    public Integer call() throws IOException {
        RunRequest request;
        try {
            request = options.toRequest();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // InputOptions creates DIR (where rejected.csv goes) once the inputs proved readable.
        return input.run(spec, request, Optional.of(out.resolve("rejected.csv")),
                done -> ResultFiles.write(out, done.outcome().results()));
    }
}
