package io.shoplens.engine.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

/** Placeholder until its feature lands; replaced by the feature's own command. */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Writes realistic sample logs of every kind.")
public final class GenerateCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new IllegalStateException("generate is not available yet");
    }
}
