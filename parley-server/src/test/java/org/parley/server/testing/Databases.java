package org.parley.server.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.parley.server.storage.Database;

/**
 * Fresh, migrated databases for storage tests: an in-memory H2 in PostgreSQL mode, and a new
 * database on one embedded PostgreSQL shared by the whole test run (start-up costs seconds, so it
 * starts once, on first use, and stops when the JVM exits). Every store test runs on both.
 */
public final class Databases {

    /** The two engines a store test runs against; use with {@code @ParameterizedTest @MethodSource}. */
    public enum Engine { H2, POSTGRES }

    public static final String POSTGRES_USER = "postgres";
    public static final String POSTGRES_PASSWORD = "postgres";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    private Databases() {
    }

    public static Stream<Engine> engines() {
        return Stream.of(Engine.H2, Engine.POSTGRES);
    }

    public static Database open(Engine engine) {
        return engine == Engine.H2 ? h2() : postgres();
    }

    public static Database h2() {
        Database db = new Database("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "", "", 4);
        db.migrate();
        return db;
    }

    public static Database postgres() {
        Database db = new Database(postgresUrl(), POSTGRES_USER, POSTGRES_PASSWORD, 4);
        db.migrate();
        return db;
    }

    /**
     * A new empty database on the shared embedded PostgreSQL, as a JDBC URL (user and password
     * {@value #POSTGRES_USER}), for a server that opens and closes its own pool, e.g. across a restart.
     */
    public static String postgresUrl() {
        EmbeddedPostgres pg = sharedPostgres();
        String name = "parley_test_" + COUNTER.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database", e);
        }
        return pg.getJdbcUrl(POSTGRES_USER, name);
    }

    private static EmbeddedPostgres sharedPostgres() {
        EmbeddedPostgres pg = postgres;
        if (pg == null) {
            synchronized (Databases.class) {
                pg = postgres;
                if (pg == null) {
                    try {
                        pg = EmbeddedPostgres.builder().start();
                    } catch (IOException e) {
                        throw new UncheckedIOException("embedded PostgreSQL failed to start", e);
                    }
                    EmbeddedPostgres started = pg;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            started.close();
                        } catch (IOException ignored) {
                            // the JVM is exiting anyway
                        }
                    }));
                    postgres = pg;
                }
            }
        }
        return pg;
    }
}
