package io.shoplens.engine.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until its feature lands; replaced by the feature's own command. */
@Command(name = "datasets", mixinStandardHelpOptions = true, description = "Lists the workspace's datasets.")
public final class DatasetsCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("datasets is not available yet");
    }
}
