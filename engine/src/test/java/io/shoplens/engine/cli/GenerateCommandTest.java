package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class GenerateCommandTest {

    @Test
    void writesAFolderPerFormatAndListsTheRowCounts(@TempDir Path dir) throws Exception {
        CommandLine cli = ShopLensCli.commandLine();
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(new StringWriter()));
        int code = cli.execute("generate", "--out", dir.toString(), "--sessions", "20", "--users", "5",
                "--products", "8", "--days", "2", "--ad-clicks", "30", "--start-date", "2024-02-28",
                "--formats", "csv,platform");
        assertThat(code).isZero();
        assertThat(Files.readAllLines(dir.resolve("csv/city_info.csv"))).hasSize(11);
        assertThat(Files.readAllLines(dir.resolve("platform/ad_click.txt"))).hasSize(30);
        assertThat(Files.readAllLines(dir.resolve("csv/user_info.csv"))).hasSize(6);
        assertThat(out.toString()).contains(dir.resolve("platform/ad_click.txt") + "\t30");
        assertThat(Files.readAllLines(dir.resolve("csv/user_visit_action.csv")).get(1)).startsWith("2024-02-2");
    }

    @Test
    void oneFormatWritesStraightIntoTheFolder(@TempDir Path dir) {
        CommandLine cli = ShopLensCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter()));
        cli.setErr(new PrintWriter(new StringWriter()));
        assertThat(cli.execute("generate", "--out", dir.toString(), "--sessions", "5", "--ad-clicks", "0",
                "--formats", "jsonl")).isZero();
        assertThat(dir.resolve("user_visit_action.jsonl")).exists();
        assertThat(dir.resolve("ad_click.jsonl")).isEmptyFile();
    }

    @Test
    void unknownFormatOrBadCountIsABadArgument(@TempDir Path dir) {
        CommandLine cli = ShopLensCli.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute("generate", "--out", dir.toString(), "--formats", "xml"))
                .isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(err.toString()).contains("unknown format 'xml'");
        assertThat(cli.execute("generate", "--out", dir.toString(), "--days", "0"))
                .isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
    }
}
