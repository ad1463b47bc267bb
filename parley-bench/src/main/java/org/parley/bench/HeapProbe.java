package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Live heap of a Parley server after a full GC, through its admin API
 * ({@code GET /api/v1/stats/memory?gc=true}, bearer token from the data directory's
 * {@code admin-token} file). Other servers have no such hook; RSS is the common figure.
 */
final class HeapProbe {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;
    private final Path tokenFile;

    HeapProbe(String statsUrl, Path tokenFile) {
        this.uri = URI.create(statsUrl + (statsUrl.contains("?") ? "&" : "?") + "gc=true");
        this.tokenFile = tokenFile;
    }

    /** Live heap bytes after a full collection (read the token each time: a restarted server writes a new one). */
    long liveHeapBytes() throws Exception {
        String token = Files.readString(tokenFile).trim();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("stats endpoint answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        return body.get("heapUsedBytes").asLong();
    }
}
