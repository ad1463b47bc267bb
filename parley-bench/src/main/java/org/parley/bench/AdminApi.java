package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * Parley's admin REST API as the directory scenario needs it: a full directory sync and bulk
 * user creation. The base address and the token are the ones the server publishes in its data
 * directory ({@code admin-api}, {@code admin-token}), as Parley's own CLI finds them.
 */
final class AdminApi {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final URI base;
    private final String token;

    AdminApi(URI base, String token) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.token = token;
    }

    /** From a running server's data directory. */
    static AdminApi fromDataDir(Path dataDir) throws IOException {
        return new AdminApi(URI.create(Files.readString(dataDir.resolve("admin-api")).trim()),
                Files.readString(dataDir.resolve("admin-token")).trim());
    }

    /** POST /api/v1/directory/sync: blocks until the sync has ended and returns its report. */
    JsonNode sync(Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request("api/v1/directory/sync", timeout)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("directory sync: HTTP " + r.statusCode() + " " + r.body());
        }
        return mapper.readTree(r.body());
    }

    /**
     * Creates accounts 0..count-1 (POST /api/v1/users), at most {@code inFlight} requests at a
     * time: the server hashes each password, so more would only queue there. An account that
     * already exists (409) counts as done. Returns failures by reason.
     */
    Map<String, Long> createUsers(Accounts accounts, int count, int inFlight) throws InterruptedException {
        Semaphore permits = new Semaphore(Math.max(1, inFlight));
        Map<String, Long> failures = new TreeMap<>();
        List<CompletableFuture<Void>> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            String body = mapper.createObjectNode().put("username", accounts.user(i))
                    .put("password", accounts.password()).toString();
            HttpRequest req = request("api/v1/users", Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            all.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).handle((r, e) -> {
                permits.release();
                String failure = e != null ? String.valueOf(e.getMessage())
                        : r.statusCode() == 201 || r.statusCode() == 409 ? null : "HTTP " + r.statusCode() + " " + r.body();
                if (failure != null) {
                    synchronized (failures) {
                        failures.merge(failure, 1L, Long::sum);
                    }
                }
                return null;
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        synchronized (failures) {
            return new TreeMap<>(failures);
        }
    }

    private HttpRequest.Builder request(String path, Duration timeout) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).header("Authorization", "Bearer " + token);
    }
}
