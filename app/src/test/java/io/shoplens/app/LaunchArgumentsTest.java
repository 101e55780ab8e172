package io.shoplens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {

    private static final Path HOME = Path.of("/home/li").toAbsolutePath();

    @Test
    void noArgumentsOpenTheDefaultWorkspaceWithNothingToImport() throws Exception {
        LaunchArguments launch = LaunchArguments.parse(new String[0], HOME);

        assertThat(launch.workspace()).isEmpty();
        assertThat(launch.imports()).isEmpty();
        assertThat(launch.help()).isFalse();
    }

    @Test
    void aWorkspaceFileOpensTheFolderItLiesIn() throws Exception {
        LaunchArguments launch = LaunchArguments.parse(new String[] {"shops/Tmall/Tmall.ShopLens"}, HOME);

        assertThat(launch.workspace()).contains(HOME.resolve("shops/Tmall"));
        assertThat(launch.imports()).isEmpty();
    }

    @Test
    void filesAndFoldersFromTheDesktopAreImportedWithAbsolutePaths() throws Exception {
        LaunchArguments launch = LaunchArguments.parse(
                new String[] {"--workspace", "ws", "exports/actions.csv", "/data/logs 2024/", "--", "-odd.tsv"}, HOME);

        assertThat(launch.workspace()).contains(HOME.resolve("ws"));
        assertThat(launch.imports()).containsExactly(HOME.resolve("exports/actions.csv"), Path.of("/data/logs 2024"),
                HOME.resolve("-odd.tsv"));
        assertThat(launch.importStrings()).first().isEqualTo(HOME.resolve("exports/actions.csv").toString());
    }

    @Test
    void unknownOptionsAndMissingValuesAreUsageErrors() {
        assertThatThrownBy(() -> LaunchArguments.parse(new String[] {"--verbose"}, HOME))
                .isInstanceOf(LaunchArguments.UsageException.class).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> LaunchArguments.parse(new String[] {"--samples"}, HOME))
                .isInstanceOf(LaunchArguments.UsageException.class).hasMessage("--samples needs a value");
    }

    @Test
    void helpStopsReading() throws Exception {
        assertThat(LaunchArguments.parse(new String[] {"--help", "--bogus"}, HOME).help()).isTrue();
    }
}
