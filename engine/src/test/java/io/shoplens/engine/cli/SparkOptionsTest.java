package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** --master and --remote: one or the other, and an option beats the environment. */
class SparkOptionsTest {

    @Test
    void bothOptionsAreAUsageErrorBeforeAnythingRuns() {
        for (String command : new String[] {"analyze", "report", "shell"}) {
            String[] args = command.equals("shell")
                    ? new String[] {command, "--master", "local[1]", "--remote", "sc://127.0.0.1:1"}
                    : new String[] {command, "--master", "local[1]", "--remote", "sc://127.0.0.1:1",
                            "--input", "no-such-input", "--out", "no-such-output"};
            StringWriter err = new StringWriter();
            CommandLine cli = ShopLensCli.commandLine();
            cli.setOut(new PrintWriter(new StringWriter()));
            cli.setErr(new PrintWriter(err));

            assertThat(cli.execute(args)).as(command).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
            assertThat(err.toString()).as(command).contains("--master and --remote exclude each other");
        }
    }

    @Test
    void anOptionGivenBeatsTheEnvironment() {
        SparkOptions options = new SparkOptions();
        options.master = "local[1]";
        // Whatever $SHOPLENS_SPARK_REMOTE says, --master means Spark in this process.
        assertThat(options.settings().remote()).isNull();
        assertThat(options.settings().master()).isEqualTo("local[1]");

        SparkOptions remote = new SparkOptions();
        remote.remote = "sc://127.0.0.1:15002";
        assertThat(remote.settings().remote()).isEqualTo("sc://127.0.0.1:15002");
    }
}
