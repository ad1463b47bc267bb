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

/**
 * A real CalDAV server for tests: Radicale (the Debian package, which {@code .ci/run} installs)
 * on a free loopback port with its collections in a temporary directory. Any user name signs
 * in (auth none) and every signed-in user may read and write every calendar.
 */
final class Radicale implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/bin/radicale");
    static final String USER = "parley";

    private final Process process;
    private final int port;

    private Radicale(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static Radicale start(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("radicale.conf");
        Files.writeString(config, String.join("\n",
                "[server]", "hosts = 127.0.0.1:" + port,
                "[auth]", "type = none",
                "[rights]", "type = authenticated",
                "[storage]", "filesystem_folder = " + dir.resolve("collections"),
                "[logging]", "level = warning", ""));
        Process p = new ProcessBuilder(List.of(EXECUTABLE.toString(), "--config", config.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve("radicale.log").toFile()).start();
        Radicale r = new Radicale(p, port);
        // Readiness, not timing: wait until it accepts connections (or died).
        for (int i = 0; i < 300; i++) {
            if (!p.isAlive()) {
                throw new IllegalStateException("radicale exited: " + Files.readString(dir.resolve("radicale.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return r;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        r.close();
        throw new IllegalStateException("radicale did not start listening");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates a calendar collection (RFC 4791 §5.3.1 MKCALENDAR). */
    void mkcalendar(String path) throws Exception {
        expect(send("MKCALENDAR", path, null, null), 201);
    }

    /** Stores a calendar object resource. */
    void put(String path, String ics) throws Exception {
        expect(send("PUT", path, ics, "text/calendar; charset=utf-8"), 201);
    }

    private HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":x").getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        // A fresh client per request: Radicale's server closes idle connections without notice.
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
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
