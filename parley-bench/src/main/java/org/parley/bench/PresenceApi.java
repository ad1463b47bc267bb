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
 * rosters up, and phone-line states pushed to the Presence Web Service without blocking
 * (java.net.http, HTTP/1.1 keep-alive connections).
 */
final class PresenceApi {

    private final URI base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper mapper = new ObjectMapper();

    PresenceApi(URI base, String token) throws IOException {
        if (!InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("--api must be a loopback address, got " + base);
        }
        this.base = base;
        this.token = token;
    }

    /** PUT /api/v1/presence/{jid}/phone/{line}; completes with the HTTP status (never exceptionally for a status). */
    CompletableFuture<Integer> putPhone(String jid, String line, String state) {
        HttpRequest r = HttpRequest.newBuilder(base.resolve("/api/v1/presence/" + jid + "/phone/" + line))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"state\":\"" + state + "\"}")).build();
        return client.sendAsync(r, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
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
