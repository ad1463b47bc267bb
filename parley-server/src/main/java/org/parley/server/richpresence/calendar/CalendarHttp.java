package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jxmpp.jid.EntityBareJid;

/**
 * The HTTP side shared by the calendar sources: the URL template ({user}, {domain}, {jid}, each
 * URL-encoded), optional Basic credentials and a JDK client with timeouts. Blocking.
 */
public final class CalendarHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final String urlTemplate;
    private final String authorization;
    private final HttpClient client;

    public CalendarHttp(String urlTemplate, String user, String password) {
        if (urlTemplate == null || urlTemplate.isBlank()) {
            throw new IllegalArgumentException("richpresence.calendar.url is required for a calendar source");
        }
        this.urlTemplate = urlTemplate;
        this.authorization = user == null || user.isEmpty() ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // HTTP/1.1: the JDK's default (HTTP/2) offers an h2c upgrade on plain http, and with two
        // reads in flight Xandikos 0.2.8 then leaves one unanswered until the timeout (reproduced).
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    URI uri(EntityBareJid user) {
        return URI.create(urlTemplate
                .replace("{user}", encode(user.getLocalpart().toString()))
                .replace("{domain}", encode(user.getDomain().toString()))
                .replace("{jid}", encode(user.toString())));
    }

    /** Sends a request to the user's URL; a status other than {@code expected} is an IOException. */
    String send(EntityBareJid user, String method, String body, String contentType, String depth, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(user)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (depth != null) {
            b.header("Depth", depth);
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // GET and REPORT are safe to repeat; a server that silently closed a pooled
            // keep-alive connection fails the first attempt only.
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        if (r.statusCode() == 404) {
            return null;
        }
        if (r.statusCode() != expected) {
            throw new IOException(method + " " + uri(user) + " answered " + r.statusCode());
        }
        return r.body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
