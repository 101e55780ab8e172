package io.shoplens.engine.cli;

/** The {@code --data} option's one description, shared by the commands that create a workspace. */
final class DataOption {

    static final String DESCRIPTION = "Keep the workspace's Parquet here instead of in its folder: a Hadoop file-system"
            + " URI a cluster's executors can read (hdfs://namenode:8020/shoplens/shop, s3a://bucket/shop, or"
            + " file:/shared/mount/shop). Given once, while the workspace is empty; it is remembered.";

    private DataOption() {
    }
}
