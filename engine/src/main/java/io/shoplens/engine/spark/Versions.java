package io.shoplens.engine.spark;

/** The engine's and Spark's versions, for --version, reports and benchmarks. */
public final class Versions {

    private Versions() {
    }

    public static String engine() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    public static String spark() {
        return org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    /** One line: ShopLens, Spark and Java versions. */
    public static String summary() {
        return "ShopLens " + engine() + " (Apache Spark " + spark() + ", Java " + System.getProperty("java.version") + ")";
    }
}
