package org.parley.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.SerialExecutor;
import org.parley.server.richpresence.Headline;
import org.parley.server.richpresence.RichPresence;

/**
 * {@code GET /api/v1/presence/stream?jid=A&jid=B}: server-sent events, one {@code presence} event
 * per composed change of any listed user (data: {@code {"jid","show","status"}}), after one
 * event per user with the current state. The users are checked before the stream starts, so a
 * bad or unknown JID still gets a JSON 400/404. Changes are produced on hub threads and written
 * to the client through its own serial queue on {@code sender}, so a slow client never holds a
 * hub; one that falls too far behind is disconnected.
 */
final class PresenceStream {

    private static final int MAX_USERS = 1000;
    private static final int MAX_PENDING = 10_000;

    private final RichPresence presence;
    private final ObjectMapper mapper;
    private final Executor sender;
    private final Function<String, EntityBareJid> parse;
    private final Function<EntityBareJid, CompletableFuture<EntityBareJid>> existing;

    PresenceStream(RichPresence presence, ObjectMapper mapper, Executor sender, Function<String, EntityBareJid> parse,
                   Function<EntityBareJid, CompletableFuture<EntityBareJid>> existing) {
        this.presence = presence;
        this.mapper = mapper;
        this.sender = sender;
        this.parse = parse;
        this.existing = existing;
    }

    void handle(Context ctx) throws Exception {
        List<String> params = ctx.queryParams("jid");
        if (params.isEmpty() || params.size() > MAX_USERS) {
            throw new HttpResponseException(400, "Name 1 to " + MAX_USERS + " users with ?jid=user@domain&jid=...");
        }
        Set<EntityBareJid> users = new LinkedHashSet<>();
        for (String p : params) {
            users.add(parse.apply(p));
        }
        for (EntityBareJid u : users) {
            await(existing.apply(u)); // Jetty request threads may wait; the check is one indexed query
        }
        // Javalin's SseHandler serves only requests that send Accept: text/event-stream (as
        // EventSource does); curl and scripts send */*, so the stream is opened here the same way.
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader("Cache-Control", "no-cache");
        res.addHeader("X-Accel-Buffering", "no");
        res.flushBuffer();
        ctx.async(config -> config.timeout = 0, () -> stream(new SseClient(ctx), users));
    }

    private void stream(SseClient client, Set<EntityBareJid> users) {
        client.keepAlive();
        Executor queue = new SerialExecutor(sender);
        AtomicInteger pending = new AtomicInteger();
        List<Runnable> unwatch = new ArrayList<>();
        java.util.function.Consumer<Headline> send = h -> {
            if (pending.incrementAndGet() > MAX_PENDING) {
                queue.execute(client::close);
                return;
            }
            queue.execute(() -> {
                pending.decrementAndGet();
                if (!client.terminated()) {
                    client.sendEvent("presence", json(h));
                }
            });
        };
        for (EntityBareJid u : users) {
            unwatch.add(presence.watch(u, send));
        }
        client.onClose(() -> unwatch.forEach(Runnable::run));
        for (EntityBareJid u : users) {
            send.accept(presence.headline(u));
        }
    }

    private String json(Headline h) {
        try {
            return mapper.writeValueAsString(PresenceJson.headline(h));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } catch (TimeoutException e) {
            throw new HttpResponseException(503, "The database did not answer in time");
        }
    }
}
