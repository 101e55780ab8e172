package io.shoplens.engine.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class ImportCommandTest {

    @TempDir
    Path dir;


    @Test
    void importsPrintsRejectionsAndListsDatasets() throws IOException {
        Path cities = Files.writeString(dir.resolve("cities.csv"), "city_id,city_name,area\n1,x,y\nq,z,w\n");
        String ws = dir.resolve("ws").toString();
        CliRun imported = CliRun.of("import", "--workspace", ws, "--name", "Cities", cities.toString());
        assertThat(imported.code()).isZero();
        assertThat(imported.out()).contains(cities + ": city_info, delimited (,), read 2, accepted 1, rejected 1 -> dataset 1")
                .contains("total: read 2, accepted 1, rejected 1");
        assertThat(imported.err()).contains(cities + ":3: city_id: not an integer: 'q'");

        CliRun listed = CliRun.of("datasets", "--workspace", ws);
        assertThat(listed.code()).isZero();
        assertThat(listed.out().lines().toList()).hasSize(2);
        assertThat(listed.out().lines().skip(1).findFirst().orElseThrow())
                .startsWith("1   Cities  city_info  1     1")
                .endsWith(cities.toString());
    }

    @Test
    void unreadableInputExitsWith3AndBadKindWith2() {
        String ws = dir.resolve("ws").toString();
        CliRun missing = CliRun.of("import", "--workspace", ws, dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(ShopLensCli.EXIT_UNREADABLE_INPUT);
        assertThat(missing.err()).contains("nope.csv: no such file");
        CliRun badKind = CliRun.of("import", "--workspace", ws, "--kind", "orders", dir.toString());
        assertThat(badKind.code()).isEqualTo(ShopLensCli.EXIT_BAD_ARGUMENTS);
        assertThat(badKind.err()).contains("Unknown kind 'orders'");
    }
}
