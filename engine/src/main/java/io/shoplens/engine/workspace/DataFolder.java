package io.shoplens.engine.workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.parquet.io.InputFile;

/**
 * Where a workspace keeps its Parquet ({@code data/<id>/} and the session model's
 * {@code model/<key>/}), apart from its catalog, which always stays in the workspace folder with
 * the user. By default the workspace folder itself; for a cluster whose executors share no disk
 * with this machine, any Hadoop file-system URI they can read ({@code hdfs://}, {@code s3a://}).
 *
 * <p>Paths are given relative to the root with {@code /} between names, as the catalog stores
 * them, so a workspace's rows mean the same wherever its data lives.
 */
public sealed interface DataFolder permits LocalDataFolder, HadoopDataFolder {

    /**
     * The data folder at {@code root}: a local folder for a path or a {@code file:} URI (a shared
     * mount is an ordinary folder to Java), else the Hadoop file system the URI's scheme names.
     */
    static DataFolder at(String root) {
        URI uri = uriOf(root);
        if (uri == null || uri.getScheme() == null || uri.getScheme().length() == 1) {
            return new LocalDataFolder(Path.of(root).toAbsolutePath().normalize());
        }
        if (uri.getScheme().equals("file")) {
            return new LocalDataFolder(Path.of(uri).toAbsolutePath().normalize());
        }
        return new HadoopDataFolder(uri);
    }

    private static URI uriOf(String root) {
        try {
            return URI.create(root);
        } catch (IllegalArgumentException e) {
            return null; // a Windows path or a name with spaces: a local folder
        }
    }

    /** The root as a person reads it: a local folder or a URI. */
    String root();

    /** {@code relative} as Spark and the Parquet readers take it (a local path or a URI). */
    String location(String relative);

    /** Whether this machine's processes reach it as a local folder. */
    boolean isLocal();

    /**
     * The local folder the importer writes a dataset's Parquet into before the commit puts it
     * here: inside this folder when it is local, so that the commit is a rename; the workspace's
     * own {@code data/} when it is remote.
     */
    Path localStagingParent(Path workspaceFolder);

    boolean isDirectory(String relative) throws IOException;

    /** A rename, atomic where the file system makes it so; fails when {@code to} exists. */
    void move(String from, String to) throws IOException;

    /** Deletes {@code relative} and everything under it; nothing when it is not there. */
    void deleteTree(String relative) throws IOException;

    void createFolders(String relative) throws IOException;

    /** The entries directly in {@code relative}; empty when it is not there. */
    List<Entry> list(String relative) throws IOException;

    /**
     * Puts each local folder of {@code staged} here at the relative path it maps to: a rename
     * when both are on this machine's file system, else a copy (the local folders are left to
     * their owner). A folder already there is an error.
     */
    void put(Map<Path, String> staged) throws IOException;

    /** The files named {@code *<suffix>} under {@code relative}, at any depth, by path. */
    List<InputFile> files(String relative, String suffix) throws IOException;

    /** One entry of a folder. */
    record Entry(String name, boolean directory, long modifiedMillis) {
    }
}
