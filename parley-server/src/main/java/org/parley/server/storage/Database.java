package org.parley.server.storage;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.parley.server.config.ParleyConfig;

/**
 * The connection pool and schema. The same SQL serves H2 (embedded default, a file under the
 * data directory) and PostgreSQL; Flyway applies {@code db/migration} at start-up.
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

    public void migrate() {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
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
