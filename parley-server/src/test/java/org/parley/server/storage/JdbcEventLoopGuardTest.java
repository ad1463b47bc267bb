package org.parley.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.DefaultEventLoop;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.Databases;

class JdbcEventLoopGuardTest {

    @Test
    void databaseCallsAreRefusedOnAnEventLoopAndAllowedOnTheBlockingPool() throws Exception {
        try (Database db = Databases.h2(); BlockingPool pool = new BlockingPool(1, 4)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            DefaultEventLoop loop = new DefaultEventLoop();
            try {
                assertThatThrownBy(() -> loop.submit(() -> jdbc.queryOne("SELECT 1", rs -> 1)).get())
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("blocking pool");
            } finally {
                loop.shutdownGracefully().sync();
            }
            assertThat(pool.supply(() -> jdbc.queryOne("SELECT 1", rs -> rs.getInt(1))).get()).contains(1);
        }
    }
}
