package io.shoplens.engine.live;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.workspace.Catalog;
import io.shoplens.engine.workspace.Workspace;

/**
 * The live view's blacklist per saved connection, in the workspace's catalog (table {@code
 * live_blacklist}), so it survives a restart and the UI shows it before the stream's first batch.
 */
public final class LiveBlacklists {

    private static final List<String> COLUMNS = List.of("user_id", "date", "ad_id", "clicks");

    private final Catalog catalog;

    private LiveBlacklists(Catalog catalog) {
        this.catalog = catalog;
    }

    public static LiveBlacklists of(Workspace workspace) {
        return new LiveBlacklists(workspace.catalog());
    }

    /**
     * Replaces the blacklist of a connection with {@code blacklist} (the columns of the ads
     * analysis' {@code blacklist} table: user_id, date, ad_id, clicks).
     */
    public void save(String connection, ResultTable blacklist) {
        int user = blacklist.columnIndex("user_id");
        int date = blacklist.columnIndex("date");
        int ad = blacklist.columnIndex("ad_id");
        int clicks = blacklist.columnIndex("clicks");
        catalog.inTransaction(db -> {
            try (PreparedStatement p = db.prepareStatement("DELETE FROM live_blacklist WHERE connection=?")) {
                p.setString(1, connection);
                p.executeUpdate();
            }
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO live_blacklist (connection, user_id, date, ad_id, clicks) VALUES (?,?,?,?,?)")) {
                for (List<Object> row : blacklist.rows()) {
                    p.setString(1, connection);
                    p.setLong(2, ((Number) row.get(user)).longValue());
                    p.setString(3, row.get(date).toString());
                    p.setLong(4, ((Number) row.get(ad)).longValue());
                    p.setLong(5, ((Number) row.get(clicks)).longValue());
                    p.addBatch();
                }
                p.executeBatch();
            }
            return null;
        });
    }

    /** The blacklist last saved for a connection, sorted as the ads analysis sorts it. */
    public ResultTable read(String connection) {
        List<List<Object>> rows = catalog.read(db -> {
            List<List<Object>> read = new ArrayList<>();
            try (PreparedStatement p = db.prepareStatement("SELECT user_id, date, ad_id, clicks FROM live_blacklist"
                    + " WHERE connection=? ORDER BY user_id, date, ad_id")) {
                p.setString(1, connection);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        read.add(List.of(rs.getLong(1), LocalDate.parse(rs.getString(2)), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return read;
        });
        return new ResultTable("blacklist", COLUMNS, rows);
    }
}
