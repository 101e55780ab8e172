package io.shoplens.engine.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until its feature lands; replaced by the feature's own command. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "Imports log files or folders into the workspace.")
public final class ImportCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("import is not available yet");
    }
}
