package io.shoplens.engine.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace's SQLite catalog ({@code workspace.db}): one connection, its schema brought up to
 * date by {@link Migrations} on open, and the only way to use it: {@link #read} and {@link
 * #inTransaction}, serialized on this object so the app's job threads may share it. The stores of
 * the workspace and of the live view ({@code live.LiveConnections}) work through these two.
 */
public final class Catalog implements AutoCloseable {

    /** Work on the catalog's connection; SQL and I/O failures become a {@link WorkspaceException}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection db) throws SQLException, IOException;
    }

    private final Path file;
    private final Connection db;

    private Catalog(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /** Opens (creating when missing) the catalog in {@code file} and migrates it to the latest schema. */
    static Catalog open(Path file) {
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot open " + file + ": " + e.getMessage(), e);
        }
        Catalog catalog = new Catalog(file, connection);
        try {
            catalog.configure();
            catalog.migrate();
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        return catalog;
    }

    private void configure() {
        try (Statement s = db.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
        } catch (SQLException e) {
            throw new WorkspaceException("Cannot configure " + file + ": " + e.getMessage(), e);
        }
    }

    private void migrate() {
        int version = schemaVersion();
        if (version > Migrations.latestVersion()) {
            throw new WorkspaceException("Workspace " + file.getParent() + " has catalog version " + version
                    + ", newer than this ShopLens understands (" + Migrations.latestVersion() + ")");
        }
        for (int v = version; v < Migrations.latestVersion(); v++) {
            List<String> steps = Migrations.ALL.get(v);
            int next = v + 1;
            inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : steps) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + next);
                }
                return null;
            });
        }
    }

    /** The catalog's schema version ({@code PRAGMA user_version}). */
    public synchronized int schemaVersion() {
        return read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** Runs {@code work} on the connection (reads, or a single statement that needs no transaction). */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(db);
        } catch (SQLException e) {
            throw failure("read the catalog", e);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or, when it throws, none. Work
     * inside another transaction of this catalog joins it.
     */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            if (!db.getAutoCommit()) {
                return work.run(db);
            }
            db.setAutoCommit(false);
            try {
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | IOException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("update the catalog", e);
        } catch (IOException e) {
            throw new WorkspaceException("Cannot update " + file.getParent() + ": " + e.getMessage(), e);
        }
    }

    WorkspaceException failure(String what, Exception e) {
        return new WorkspaceException("Cannot " + what + " in " + file + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
