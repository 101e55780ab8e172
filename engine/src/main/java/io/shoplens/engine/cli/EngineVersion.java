package io.shoplens.engine.cli;

import picocli.CommandLine;

/** The engine and Spark versions, for {@code --version} and for reports. */
public final class EngineVersion implements CommandLine.IVersionProvider {

    public static String engine() {
        String v = EngineVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String spark() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ShopLens " + engine() + " (Apache Spark " + spark() + ", Java "
                + System.getProperty("java.version") + ")"};
    }
}
