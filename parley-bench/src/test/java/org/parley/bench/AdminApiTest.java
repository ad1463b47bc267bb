package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a small HTTP server speaking the two admin API calls, over real HTTP. */
class AdminApiTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/users", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            // user2 exists already (409 counts as done); user3 is refused.
            int status = body.contains("\"user2\"") ? 409 : body.contains("\"user3\"") ? 400 : 201;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.createContext("/api/v1/directory/sync", exchange -> {
            byte[] out = "{\"seen\":3,\"created\":3,\"millis\":42}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 200 : 405, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void findsTheServerThroughItsDataDirAndSyncs(@TempDir Path dataDir) throws Exception {
        Files.writeString(dataDir.resolve("admin-api"), "http://127.0.0.1:" + server.getAddress().getPort() + "\n");
        Files.writeString(dataDir.resolve("admin-token"), "tok\n");
        assertThat(AdminApi.fromDataDir(dataDir).sync(Duration.ofSeconds(10)).path("millis").asLong()).isEqualTo(42);
    }

    @Test
    void createsUsersCountingConflictsAsDone() throws Exception {
        AdminApi api = new AdminApi(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "tok");
        var failures = api.createUsers(new Accounts("user%d", 1, "pw"), 4, 2);
        assertThat(seen).hasSize(4).allMatch(s -> s.startsWith("Bearer tok {\"username\":\"user"));
        assertThat(failures).containsOnlyKeys("HTTP 400 ").containsValue(1L);
    }
}
