package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pipelined requests against the JDK's HTTP server: every framing it answers with, in order. */
class HttpPipelinesTest {

    private HttpServer server;
    private EventLoopGroup group;
    private final List<String> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            bodies.add(exchange.getRequestMethod() + " " + path + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
                    + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            int n = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
            byte[] answer = ("{\"n\":" + n + ",\"pad\":\"" + "x".repeat(n * 37) + "\"}").getBytes(StandardCharsets.UTF_8);
            switch (n % 3) {
                case 0 -> { // chunked
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write(answer);
                }
                case 1 -> { // Content-Length
                    exchange.sendResponseHeaders(404, answer.length);
                    exchange.getResponseBody().write(answer);
                }
                default -> exchange.sendResponseHeaders(204, -1); // no body
            }
            exchange.close();
        });
        server.start();
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterEach
    void stop() {
        server.stop(0);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void answersEveryRequestWithItsOwnStatusInOrder() throws Exception {
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class);
        try (HttpPipelines http = new HttpPipelines(b, "127.0.0.1", server.getAddress().getPort(), 2)) {
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                answers.add(http.send("PUT", "/api/v1/presence/u@x/phone/" + i, "Authorization: Bearer t\r\n",
                        ("{\"state\":\"busy\"}").getBytes(StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertThat(answers.get(i).get(10, TimeUnit.SECONDS)).as("request %d", i)
                        .isEqualTo(switch (i % 3) { case 0 -> 200; case 1 -> 404; default -> 204; });
            }
            assertThat(bodies).hasSize(60).allMatch(s -> s.startsWith("PUT /api/v1/presence/u@x/phone/")
                    && s.endsWith(" {\"state\":\"busy\"} Bearer t"));
        }
    }

    @Test
    void opensAConnectionAgainAfterTheServerClosedIt() throws Exception {
        Bootstrap b = new Bootstrap().group(group).channel(NioSocketChannel.class);
        try (HttpPipelines http = new HttpPipelines(b, "127.0.0.1", server.getAddress().getPort(), 1)) {
            for (int i = 0; i < 5; i++) {
                // The JDK server closes the connection after answering a request that asks it to. A
                // request sent before the close arrived fails with it; the one after uses a new connection.
                CompletableFuture<Integer> a = http.send("PUT", "/x/" + (3 * i + 1), "Connection: close\r\n", new byte[0]);
                int status = a.handle((s, e) -> e == null ? s : -1).get(10, TimeUnit.SECONDS);
                if (status == -1) {
                    status = http.send("PUT", "/x/" + (3 * i + 1), "Connection: close\r\n", new byte[0]).get(10, TimeUnit.SECONDS);
                }
                assertThat(status).isEqualTo(404);
            }
        }
        assertThat(bodies).hasSizeGreaterThanOrEqualTo(5);
    }
}
