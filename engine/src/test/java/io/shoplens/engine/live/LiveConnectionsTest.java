package io.shoplens.engine.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.shoplens.engine.analysis.ResultTable;
import io.shoplens.engine.imports.OrderColumns;
import io.shoplens.engine.imports.OrderMessages;
import io.shoplens.engine.live.KafkaSettings.MessageFormat;
import io.shoplens.engine.live.KafkaSettings.SecurityProtocol;
import io.shoplens.engine.live.KafkaSettings.StartingOffsets;
import io.shoplens.engine.workspace.Workspace;

class LiveConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void connectionsAreSavedByNameReplacedAndRemovedWithoutAPassword() throws Exception {
        KafkaSettings secure = new KafkaSettings("prod", "k1:9093,k2:9093", "ad-clicks", "shoplens",
                StartingOffsets.EARLIEST, MessageFormat.JSON, SecurityProtocol.SASL_SSL, "SCRAM-SHA-512", "ann",
                "/etc/trust.jks");
        KafkaSettings local = KafkaSettings.plaintext("local", "127.0.0.1:9092", "clicks");
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LiveConnections.of(ws).save(secure);
            LiveConnections.of(ws).save(local);
            LiveConnections.of(ws).save(local);
            assertThat(LiveConnections.of(ws).all()).containsExactly(local, secure);
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            KafkaSettings moved = KafkaSettings.plaintext("local", "127.0.0.1:9999", "clicks");
            LiveConnections.of(ws).save(moved);
            assertThat(LiveConnections.of(ws).all()).containsExactly(moved, secure);
            assertThat(LiveConnections.of(ws).remove("local")).isTrue();
            assertThat(LiveConnections.of(ws).remove("local")).isFalse();
            assertThat(LiveConnections.of(ws).all()).containsExactly(secure);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws/workspace.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM kafka_connections")) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                cells.add(rs.getMetaData().getColumnName(i));
            }
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    cells.add(String.valueOf(rs.getString(i)));
                }
            }
            assertThat(String.join(" ", cells).toLowerCase()).doesNotContain("password");
        }
    }

    @Test
    void theOrderMappingIsSavedWithTheConnectionAndReadBackAfterAReopen() {
        KafkaSettings connection = new KafkaSettings("shop", "k1:9093", "actions", "shoplens",
                StartingOffsets.EARLIEST, MessageFormat.JSON, SecurityProtocol.SASL_SSL, "PLAIN", "ann", null);
        LiveGmvSettings withOrders = new LiveGmvSettings(connection, "mysql.shop.orders", OrderMessages.Format.DEBEZIUM,
                new OrderColumns("orders", "id", "sid", null, "paid_at", "", "items"),
                new LiveGmvParams(List.of(2L, 5L, 2L), List.of("search", "display_ad")));
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LiveConnections.of(ws).save(withOrders);
            LiveConnections.of(ws).save(LiveGmvSettings.actions(KafkaSettings.plaintext("bare", "h:1", "a")));
        }
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LiveGmvSettings read = LiveConnections.of(ws).gmv("shop").orElseThrow();
            assertThat(read).isEqualTo(withOrders);
            assertThat(read.orderColumns().user()).isNull();
            assertThat(read.orderColumns().amount()).isNull();
            // The ad-click view reads the same connection as it always did.
            assertThat(LiveConnections.of(ws).all()).contains(connection);
            assertThat(LiveConnections.of(ws).gmv("bare").orElseThrow().orders()).isEmpty();
            assertThat(LiveConnections.of(ws).gmv("bare").orElseThrow().params()).isEqualTo(LiveGmvParams.defaults());
            assertThat(LiveConnections.of(ws).gmv("none")).isEmpty();
        }
    }

    @Test
    void theLiveBlacklistIsKeptPerConnection() {
        ResultTable blacklist = new ResultTable("blacklist", List.of("user_id", "date", "ad_id", "clicks"), List.of(
                List.of(3L, LocalDate.of(2019, 7, 18), 5L, 120L),
                List.of(1L, LocalDate.of(2019, 7, 17), 2L, 100L)));
        try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
            LiveConnections.of(ws).save(KafkaSettings.plaintext("a", "h:1", "t"));
            LiveBlacklists.of(ws).save("a", blacklist);
            LiveBlacklists.of(ws).save("b", new ResultTable("blacklist", blacklist.columns(), List.of(blacklist.rows().get(0))));
            assertThat(LiveBlacklists.of(ws).read("a").rows()).containsExactly(
                    List.of(1L, LocalDate.of(2019, 7, 17), 2L, 100L),
                    List.of(3L, LocalDate.of(2019, 7, 18), 5L, 120L));
            LiveBlacklists.of(ws).save("a", new ResultTable("blacklist", blacklist.columns(), List.of()));
            assertThat(LiveBlacklists.of(ws).read("a").rows()).isEmpty();
            assertThat(LiveBlacklists.of(ws).read("b").rows()).hasSize(1);
            LiveConnections.of(ws).remove("b");
            assertThat(LiveBlacklists.of(ws).read("b").rows()).isEmpty();
        }
    }
}
