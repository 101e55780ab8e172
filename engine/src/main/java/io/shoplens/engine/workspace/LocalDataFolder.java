package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;

/** A data folder on this machine's file system (the workspace folder, or a shared mount). */
record LocalDataFolder(Path folder) implements DataFolder {

    @Override
    public String root() {
        return folder.toString();
    }

    @Override
    public String location(String relative) {
        return path(relative).toString();
    }

    @Override
    public boolean isLocal() {
        return true;
    }

    @Override
    public Path localStagingParent(Path workspaceFolder) {
        return folder.resolve("data");
    }

    @Override
    public boolean isDirectory(String relative) {
        return Files.isDirectory(path(relative));
    }

    @Override
    public void move(String from, String to) throws IOException {
        moveInto(path(from), to);
    }

    @Override
    public void deleteTree(String relative) throws IOException {
        FileTrees.deleteTree(path(relative));
    }

    @Override
    public void createFolders(String relative) throws IOException {
        Files.createDirectories(path(relative));
    }

    @Override
    public List<Entry> list(String relative) throws IOException {
        Path dir = path(relative);
        List<Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return entries;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                entries.add(new Entry(child.getFileName().toString(), Files.isDirectory(child),
                        Files.getLastModifiedTime(child).toMillis()));
            }
        }
        return entries;
    }

    @Override
    public void put(Map<Path, String> staged) throws IOException {
        for (Map.Entry<Path, String> folder : staged.entrySet()) {
            moveInto(folder.getKey(), folder.getValue());
        }
    }

    private void moveInto(Path from, String to) throws IOException {
        Path target = path(to);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Files.createDirectories(target.getParent());
        FileTrees.move(from, target);
    }

    @Override
    public List<InputFile> files(String relative, String suffix) throws IOException {
        Path dir = path(relative);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted()
                    .<InputFile>map(LocalInputFile::new).toList();
        }
    }

    private Path path(String relative) {
        return folder.resolve(relative);
    }
}
