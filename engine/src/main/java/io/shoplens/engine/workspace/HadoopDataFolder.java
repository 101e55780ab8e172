package io.shoplens.engine.workspace;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

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

    /** Files copied in at once. */
    private static final int COPIES = 8;

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

    /**
     * Copies the files of every folder {@value #COPIES} at a time: a file's copy is mostly
     * waiting (on HDFS, its close waits for the data node to report the block, 0.4 s at first),
     * and a day of actions is a file of its own. One after another, the 36 files of a million
     * actions took 15 s.
     */
    @Override
    public void put(Map<java.nio.file.Path, String> staged) throws IOException {
        FileSystem fs = fs();
        Map<java.nio.file.Path, org.apache.hadoop.fs.Path> copies = new LinkedHashMap<>();
        for (Map.Entry<java.nio.file.Path, String> folder : staged.entrySet()) {
            org.apache.hadoop.fs.Path target = path(folder.getValue());
            if (fs.exists(target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            if (!fs.mkdirs(target)) {
                throw new IOException("Cannot create " + target);
            }
            try (Stream<java.nio.file.Path> walk = Files.walk(folder.getKey())) {
                for (java.nio.file.Path file : walk.filter(Files::isRegularFile).toList()) {
                    String name = folder.getKey().relativize(file).toString().replace('\\', '/');
                    copies.put(file, new org.apache.hadoop.fs.Path(target, name));
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(COPIES, copies.size())), r -> {
            Thread t = new Thread(r, "shoplens-copy-to-" + root.getScheme());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> pending = new ArrayList<>();
            copies.forEach((from, to) -> pending.add(pool.submit(() -> {
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(from.toUri()), to);
                return null;
            })));
            for (Future<?> copy : pending) {
                copy.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Copy to " + root + " interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
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
