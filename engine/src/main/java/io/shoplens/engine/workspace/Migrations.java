package io.shoplens.engine.workspace;

import java.util.List;

/**
 * The catalog's schema as an ordered list of migrations; {@code PRAGMA user_version} is the number
 * applied. Append, never edit: a workspace made by an older ShopLens replays only what it lacks.
 */
final class Migrations {

    static final List<List<String>> ALL = List.of(
            // 1: the catalog of the first release.
            List.of("""
                    CREATE TABLE datasets (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL,
                      kind TEXT NOT NULL,
                      source_files TEXT NOT NULL,
                      size_bytes INTEGER NOT NULL,
                      fingerprint TEXT NOT NULL,
                      rows_read INTEGER NOT NULL,
                      rows_accepted INTEGER NOT NULL,
                      rows_rejected INTEGER NOT NULL,
                      min_date TEXT,
                      max_date TEXT,
                      imported_at TEXT NOT NULL,
                      data_path TEXT NOT NULL)""",
                    "CREATE UNIQUE INDEX datasets_fingerprint ON datasets(fingerprint)",
                    """
                    CREATE TABLE rejected_rows (
                      dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
                      file TEXT NOT NULL,
                      line INTEGER NOT NULL,
                      reason TEXT NOT NULL,
                      text TEXT)""",
                    "CREATE INDEX rejected_rows_dataset ON rejected_rows(dataset_id, line)",
                    """
                    CREATE TABLE analysis_runs (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      analyses TEXT NOT NULL,
                      parameters TEXT NOT NULL,
                      dataset_ids TEXT NOT NULL,
                      status TEXT NOT NULL CHECK (status IN ('running','succeeded','failed','cancelled')),
                      started_at TEXT NOT NULL,
                      finished_at TEXT,
                      timings TEXT,
                      error TEXT)""",
                    """
                    CREATE TABLE run_results (
                      run_id INTEGER NOT NULL REFERENCES analysis_runs(id) ON DELETE CASCADE,
                      position INTEGER NOT NULL,
                      analysis TEXT NOT NULL,
                      table_name TEXT NOT NULL,
                      csv TEXT NOT NULL,
                      PRIMARY KEY (run_id, position))""",
                    """
                    CREATE TABLE saved_views (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL,
                      json TEXT NOT NULL)""",
                    // Secrets (passwords, keys) are asked for at connect time and never stored.
                    """
                    CREATE TABLE kafka_connections (
                      id INTEGER PRIMARY KEY AUTOINCREMENT,
                      name TEXT NOT NULL,
                      bootstrap TEXT NOT NULL,
                      topic TEXT NOT NULL,
                      security TEXT NOT NULL DEFAULT '{}')"""),
            // 2: a running analysis names its process (pid@host), so opening the workspace in a
            // second process does not take a live run for one a killed process left behind.
            List.of("ALTER TABLE analysis_runs ADD COLUMN owner TEXT"),
            // 3: the live view's blacklist per saved connection, so it survives a restart of the
            // app and the UI shows it before the stream's first batch.
            List.of("""
                    CREATE TABLE live_blacklist (
                      connection TEXT NOT NULL,
                      user_id INTEGER NOT NULL,
                      date TEXT NOT NULL,
                      ad_id INTEGER NOT NULL,
                      clicks INTEGER NOT NULL,
                      PRIMARY KEY (connection, user_id, date, ad_id))"""),
            // 4: each result table's schema (column names and types) beside its CSV rows, so a
            // table read back has the value types it had; null for tables stored before.
            List.of("ALTER TABLE run_results ADD COLUMN schema TEXT"),
            // 5: which dataset of a reference kind wins where two define an id differently (the
            // highest precedence: the most recent import, unless the user preferred another), how
            // many ids a dataset defines more than once (null: not counted), and which datasets
            // each run's reference definitions came from.
            List.of("ALTER TABLE datasets ADD COLUMN precedence INTEGER",
                    "UPDATE datasets SET precedence = id",
                    "ALTER TABLE datasets ADD COLUMN duplicate_ids INTEGER",
                    "ALTER TABLE analysis_runs ADD COLUMN reference_sources TEXT"),
            // 6: the workspace's own settings; "data_root" says where its Parquet lives when not in
            // the workspace folder (a Hadoop file-system URI, see DataFolder).
            List.of("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));

    private Migrations() {
    }

    static int latestVersion() {
        return ALL.size();
    }
}
