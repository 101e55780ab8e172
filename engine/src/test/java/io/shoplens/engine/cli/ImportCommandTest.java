package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

class ImportCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    Run run(String... args) {
        CommandLine cli = ShopLensCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importsPrintsRejectionsAndListsDatasets() throws IOException {
        Path cities = Files.writeString(dir.resolve("cities.csv"), "city_id,city_name,area\n1,x,y\nq,z,w\n");
        String ws = dir.resolve("ws").toString();
        Run imported = run("import", "--workspace", ws, "--name", "Cities", cities.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains(cities + ": city_info, delimited (,), read 2, accepted 1, rejected 1 -> dataset 1")
                .contains("total: read 2, accepted 1, rejected 1");
        assertThat(imported.err()).contains(cities + ":3: city_id: not an integer: 'q'");

        Run listed = run("datasets", "--workspace", ws);
        assertThat(listed.code()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(2);
        assertThat(listed.out().lines().skip(1).findFirst().orElseThrow())
                .startsWith("1   Cities  city_info  1     1")
                .endsWith(cities.toString());
    }

    @Test
    void unreadableInputExitsWith3AndBadKindWith2() {
        String ws = dir.resolve("ws").toString();
        Run missing = run("import", "--workspace", ws, dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);
        assertThat(missing.err()).contains("nope.csv: no such file");
        Run badKind = run("import", "--workspace", ws, "--kind", "orders", dir.toString());
        assertThat(badKind.code()).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(badKind.err()).contains("Unknown kind 'orders'");
    }
}
