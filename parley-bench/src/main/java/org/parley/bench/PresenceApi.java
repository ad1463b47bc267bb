package org.parley.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * The Parley admin API as the rich-presence scenario uses it: a bulk contacts import to set the
 * rosters up, and phone-line states pushed to the Presence Web Service without blocking: over
 * {@link HttpPipelines} when given (the measured phase), else java.net.http (HTTP/1.1 keep-alive).
 */
final class PresenceApi {

    private final URI base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpPipelines puts;
    private final String putHeaders;

    PresenceApi(URI base, String token) throws IOException {
        this(base, token, null);
    }

    /** {@code puts}: connections to {@code base} for the phone changes, or null for java.net.http. */
    PresenceApi(URI base, String token, HttpPipelines puts) throws IOException {
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--api must be a loopback address, got " + base);
        }
        this.base = base;
        this.token = token;
        this.puts = puts;
        this.putHeaders = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\n";
    }

    /** PUT /api/v1/presence/{jid}/phone/{line}; completes with the HTTP status (never exceptionally for a status). */
    CompletableFuture<Integer> putPhone(String jid, String line, String state) {
        if (puts != null) {
            return puts.send("PUT", base.resolve("/api/v1/presence/" + jid + "/phone/" + line).getRawPath(), putHeaders,
                    ("{\"state\":\"" + state + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/presence/" + jid + "/phone/" + line))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build();
        return client.sendAsync(r, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    /**
     * Sets every phone line of the given users that is not idle back to idle, with at most
     * {@code maxInFlight} requests out; blocking. Phone states are stored inputs that outlive the
     * server process, so a line an earlier run (or an older bench) left busy would keep its user
     * "On the phone" and make this run's changes compose to nothing. Returns the lines reset.
     */
    int idleAllLines(List<String> jids, int maxInFlight) throws InterruptedException {
        java.util.concurrent.Semaphore slots = new java.util.concurrent.Semaphore(maxInFlight);
        java.util.concurrent.atomic.AtomicInteger reset = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
        for (String jid : jids) {
            slots.acquire();
            HttpRequest get = HttpRequest.newBuilder(base.resolve("/api/v1/presence/" + jid))
                    .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).GET().build();
            client.sendAsync(get, HttpResponse.BodyHandlers.ofString()).thenCompose(answer -> {
                List<CompletableFuture<Integer>> puts = new java.util.ArrayList<>();
                try {
                    mapper.readTree(answer.body()).path("sources").path("phone").path("lines").fields()
                            .forEachRemaining(e -> {
                                if (!e.getValue().asText().equals("idle")) {
                                    puts.add(putPhone(jid, e.getKey(), "idle"));
                                }
                            });
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).thenApply(v -> {
                    puts.forEach(p -> (p.join() / 100 == 2 ? reset : failed).incrementAndGet());
                    return null;
                });
            }).whenComplete((v, e) -> {
                if (e != null) {
                    failed.incrementAndGet();
                }
                slots.release();
            });
        }
        slots.acquire(maxInFlight);
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " phone lines could not be read or reset to idle");
        }
        return reset.get();
    }

    /**
     * Replaces the contact lists of users {@code from..to-1} (by index) with mutual ("both")
     * contacts, {@code batch} users per request; blocking (it runs once, before the measurement).
     */
    void importRosters(int from, int to, int batch, IntFunction<String> jidOf, IntFunction<List<Integer>> contactsOf)
            throws IOException, InterruptedException {
        for (int start = from; start < to; start += batch) {
            ObjectNode body = mapper.createObjectNode().put("replace", true);
            ArrayNode users = body.putArray("users");
            for (int i = start; i < Math.min(to, start + batch); i++) {
                String jid = jidOf.apply(i);
                ObjectNode user = users.addObject().put("user", jid.substring(0, jid.indexOf('@')));
                ArrayNode items = user.putArray("items");
                for (int j : contactsOf.apply(i)) {
                    items.addObject().put("jid", jidOf.apply(j)).put("subscription", "both");
                }
            }
            HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/contacts"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
            HttpResponse<String> answer = client.send(r, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IOException("contacts import answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }
}
