package org.parley.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Small JDBC helper shared by every store, so each store holds only its SQL and row mapping.
 * Every method blocks: call it from {@link BlockingPool} only. SQL errors become
 * {@link StorageException} so that callers need not know JDBC.
 */
public final class Jdbc {

    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Refuses to run on an event loop or an actor thread: one blocked loop thread stalls every
     * session it serves. Any such call is a bug, and failing loudly makes every test that drives
     * the server a check of the rule.
     */
    private static Connection connect(DataSource dataSource) throws SQLException {
        Thread t = Thread.currentThread();
        if (t instanceof io.netty.util.concurrent.FastThreadLocalThread || t.getName().startsWith("parley-actor")) {
            throw new IllegalStateException("blocking database call on " + t.getName()
                    + ": run it on the blocking pool");
        }
        return dataSource.getConnection();
    }

    /** Runs an INSERT/UPDATE/DELETE and returns the number of rows touched. */
    public int update(String sql, Object... params) {
        try (Connection c = connect(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = connect(dataSource); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs several statements in one transaction. */
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection c = connect(dataSource)) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new StorageException(e.getMessage(), e);
        }
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Work inside a transaction on one connection. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
