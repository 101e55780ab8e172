package io.shoplens.engine.imports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.workspace.Workspace;

/** An importer test's setting: a fresh workspace in a temporary folder, and input files written beside it. */
abstract class WorkspaceFixture {

    @TempDir
    Path dir;
    Workspace ws;

    @BeforeEach
    void openWorkspace() {
        ws = Workspace.open(dir.resolve("ws"));
    }

    @AfterEach
    void closeWorkspace() {
        ws.close();
    }

    /** Writes {@code text} as UTF-8 to {@code name} in the test's folder. */
    Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
