package io.shoplens.engine.workspace;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.InputFile;

/**
 * A data folder on a Hadoop file system ({@code hdfs://}, {@code s3a://}, …), reached through
 * Hadoop's {@link FileSystem} API, as Spark's executors reach it. The commit's rename is atomic on
 * HDFS; on an object store it is a copy, which is why a dataset is first copied in under a
 * temporary name and only then renamed to its id, inside the catalog's transaction.
 */
final class HadoopDataFolder implements DataFolder {

    private final URI root;
    private final Configuration conf;

    HadoopDataFolder(URI root) {
        String text = root.toString();
        this.root = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        this.conf = configuration();
    }

    /**
     * Hadoop's defaults and {@code *-site.xml} on the class path, then every system property
     * {@code spark.hadoop.X} as {@code X}: the same settings Spark gives its own file systems
     * (credentials for s3a, say), so the catalog's side and the executors' side see one store.
     */
    private static Configuration configuration() {
        Configuration conf = new Configuration();
        for (Map.Entry<Object, Object> e : System.getProperties().entrySet()) {
            String key = e.getKey().toString();
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), e.getValue().toString());
            }
        }
        return conf;
    }

    @Override
    public String root() {
        return root.toString();
    }

    @Override
    public String location(String relative) {
        return root + "/" + relative;
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public java.nio.file.Path localStagingParent(java.nio.file.Path workspaceFolder) {
        return workspaceFolder.resolve("data");
    }

    @Override
    public boolean isDirectory(String relative) throws IOException {
        try {
            return fs().getFileStatus(path(relative)).isDirectory();
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    @Override
    public void move(String from, String to) throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path target = path(to);
        // Hadoop renames a folder *into* an existing one; the callers mean "fail".
        if (fs.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        fs.mkdirs(target.getParent());
        if (!fs.rename(path(from), target)) {
            throw new IOException("Cannot rename " + path(from) + " to " + target);
        }
    }

    @Override
    public void deleteTree(String relative) throws IOException {
        fs().delete(path(relative), true);
    }

    @Override
    public void createFolders(String relative) throws IOException {
        if (!fs().mkdirs(path(relative))) {
            throw new IOException("Cannot create " + path(relative));
        }
    }

    @Override
    public List<Entry> list(String relative) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try {
            for (FileStatus s : fs().listStatus(path(relative))) {
                entries.add(new Entry(s.getPath().getName(), s.isDirectory(), s.getModificationTime()));
            }
        } catch (FileNotFoundException e) {
            // not there: no entries
        }
        return entries;
    }

    @Override
    public void put(java.nio.file.Path staged, String relative) throws IOException {
        FileSystem fs = fs();
        org.apache.hadoop.fs.Path target = path(relative);
        if (fs.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        fs.mkdirs(target.getParent());
        fs.copyFromLocalFile(false, false, new org.apache.hadoop.fs.Path(staged.toAbsolutePath().toUri()), target);
    }

    @Override
    public List<InputFile> files(String relative, String suffix) throws IOException {
        List<LocatedFileStatus> found = new ArrayList<>();
        try {
            RemoteIterator<LocatedFileStatus> it = fs().listFiles(path(relative), true);
            while (it.hasNext()) {
                LocatedFileStatus s = it.next();
                if (s.getPath().getName().endsWith(suffix)) {
                    found.add(s);
                }
            }
        } catch (FileNotFoundException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(s -> s.getPath().toString()));
        List<InputFile> files = new ArrayList<>();
        for (LocatedFileStatus s : found) {
            files.add(HadoopInputFile.fromStatus(s, conf));
        }
        return files;
    }

    private org.apache.hadoop.fs.Path path(String relative) {
        return new org.apache.hadoop.fs.Path(location(relative));
    }

    /** Hadoop's cached instance for the root, shared with Spark in this JVM; never closed here. */
    private FileSystem fs() throws IOException {
        return FileSystem.get(root, conf);
    }
}
