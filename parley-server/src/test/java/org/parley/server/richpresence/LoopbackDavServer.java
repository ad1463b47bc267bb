package org.parley.server.richpresence;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * A real CalDAV server process for tests (a Debian package that {@code .ci/run} installs), on a
 * free loopback port with its data in a temporary directory, and the few WebDAV calls the tests
 * need to fill it.
 */
abstract class LoopbackDavServer implements AutoCloseable {

    static final String USER = "parley";

    private final Process process;
    private final int port;

    LoopbackDavServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code command(port)} with its output in {@code log}, and waits until it accepts connections. */
    static <S extends LoopbackDavServer> S start(Path log, IntFunction<List<String>> command,
                                                 java.util.function.BiFunction<Process, Integer, S> server) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process p = new ProcessBuilder(command.apply(port)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S started = server.apply(p, port);
        // Readiness, not timing: wait until it accepts connections (or died).
        for (int i = 0; i < 300; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException(command.apply(port).get(0) + " exited: " + Files.readString(log));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return started;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        started.close();
        throw new IllegalStateException(command.apply(port).get(0) + " did not start listening");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates a calendar collection (RFC 4791 §5.3.1 MKCALENDAR). */
    void mkcalendar(String path) throws Exception {
        expect(send("MKCALENDAR", path, null, null), Set.of(201));
    }

    /** Stores a calendar object resource. */
    void put(String path, String ics) throws Exception {
        expect(send("PUT", path, ics, "text/calendar; charset=utf-8"), Set.of(201));
    }

    HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":x").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        // A fresh client per request: these servers close idle connections without notice.
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static void expect(HttpResponse<String> r, Set<Integer> statuses) {
        if (!statuses.contains(r.statusCode())) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " -> " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
