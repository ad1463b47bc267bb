package org.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upgrading a database made by an older release: migrations are numbered in ranges per capability,
 * so a newer release can bring one numbered below the newest the database already has.
 */
class DatabaseUpgradeTest {

    @TempDir
    Path dir;

    @Test
    void aMigrationNumberedBelowTheAppliedOnesIsAppliedAndKeepsTheData() throws Exception {
        String url = Database.embeddedUrl(dir);
        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();
            // Make the database look like one from a release that had V32 but not yet V11.
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP INDEX muc_affiliations_room_nick");
                s.execute("ALTER TABLE muc_affiliations DROP COLUMN nick");
                s.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '11'");
                s.execute("INSERT INTO users (username, created_at) VALUES ('keep', CURRENT_TIMESTAMP)");
            }
        }
        try (Database db = new Database(url, "sa", "", 2)) {
            db.migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM \"flyway_schema_history\" WHERE \"version\" = '11' AND \"success\"")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(1);
                }
                try (ResultSet r = s.executeQuery("SELECT nick FROM muc_affiliations")) {
                    assertThat(r.next()).isFalse(); // the column is back
                }
                try (ResultSet r = s.executeQuery("SELECT count(*) FROM users WHERE username = 'keep'")) {
                    r.next();
                    assertThat(r.getInt(1)).isEqualTo(1);
                }
            }
        }
    }
}
