package io.shoplens.engine.cli;

import io.shoplens.engine.spark.Versions;
import picocli.CommandLine;

/** {@code --version}: the engine, Spark and Java versions. */
public final class EngineVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {Versions.summary()};
    }
}
