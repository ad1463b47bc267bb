package org.parley.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.parley.server.config.ParleyConfig;

/**
 * The connection pool and schema. The same SQL serves H2 (embedded default, a file under the
 * data directory) and PostgreSQL; Flyway applies {@code db/migration} (and the engine's own
 * {@code db/vendor/<engine>}) at start-up.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String url;

    public Database(String url, String user, String password, int poolSize) {
        this.url = url;
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(poolSize);
        hc.setPoolName("parley-db");
        // Fail fast when the database is away so callers answer the client promptly
        // (internal-server-error / temporary-auth-failure) instead of hanging a sign-in.
        hc.setConnectionTimeout(3_000);
        hc.setValidationTimeout(2_000);
        // Start even when the database is down at boot; requests fail until it returns.
        hc.setInitializationFailTimeout(-1);
        this.dataSource = new HikariDataSource(hc);
    }

    /**
     * Opens the configured database (H2 under the data directory when no URL is set) and migrates
     * it, trying again for a while when no connection can be had yet (see {@link StartupRetry}).
     */
    public static Database open(ParleyConfig config) {
        ParleyConfig.Database db = config.database();
        String url = db.url().isBlank() ? embeddedUrl(config.dataPath()) : db.url();
        Database database = new Database(url, db.user(), db.password(), db.poolSize());
        try {
            new StartupRetry().run("migrating " + database.describe(), database::migrate);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    static String embeddedUrl(Path dataDir) {
        // MODE=PostgreSQL keeps one SQL dialect for both engines.
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("parley")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE";
    }

    /**
     * Applies {@code db/migration} (the SQL both engines share) and {@code db/vendor/<engine>}
     * (what only one engine has, e.g. PostgreSQL's GIN full-text index). Versions are unique
     * across both locations, so an engine simply has no row for another engine's extras.
     * Each capability owns a range of versions (chat rooms V10–V19, rich presence V20–V29, …), so
     * a release can add a migration below one a database already has (V11 after V32): those are
     * applied out of order instead of refusing to start.
     */
    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** The engine's name as the vendor directory spells it: {@code postgresql} or {@code h2}. */
    String vendor() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        } catch (SQLException e) {
            throw new StorageException("cannot reach the database to migrate it: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL without credentials, for the start-up summary. */
    public String describe() {
        int semicolon = url.indexOf(';');
        return semicolon > 0 ? url.substring(0, semicolon) : url;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
