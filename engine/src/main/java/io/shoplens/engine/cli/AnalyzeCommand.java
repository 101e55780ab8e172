package io.shoplens.engine.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until its feature lands; replaced by the feature's own command. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "Runs analyses and writes their tables as CSV.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("analyze is not available yet");
    }
}
