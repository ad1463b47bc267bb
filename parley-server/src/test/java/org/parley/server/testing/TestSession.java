package org.parley.server.testing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.core.Router;
import org.parley.server.core.Session;
import org.parley.server.core.UserHubs;
import org.parley.xml.Stanza;
import org.parley.xml.StreamErrorCondition;

/**
 * An in-memory bound session for module tests: what the server delivers lands in a queue, and
 * what the test sends goes through the real router with 'from' stamped, like a c2s session.
 */
public final class TestSession implements Session {

    private final EntityFullJid jid;
    private final Router router;
    private final UserHubs hubs;
    private final BlockingQueue<Stanza> inbox = new LinkedBlockingQueue<>();
    private volatile StreamErrorCondition closedWith;
    private volatile boolean closed;

    TestSession(EntityFullJid jid, Router router, UserHubs hubs) {
        this.jid = jid;
        this.router = router;
        this.hubs = hubs;
    }

    @Override
    public EntityFullJid jid() {
        return jid;
    }

    @Override
    public void deliver(Stanza stanza) {
        if (!closed) {
            inbox.add(stanza);
        }
    }

    @Override
    public void close(StreamErrorCondition condition, String text) {
        closedWith = condition;
        closed = true;
        hubs.detach(this);
    }

    @Override
    public Executor executor() {
        return Runnable::run;
    }

    @Override
    public boolean isSecure() {
        return true;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 40000);
    }

    /** Sends XML as this client would: parsed, 'from' stamped with this session's full JID, routed. */
    public void send(String xml) {
        send(TestXml.stanza(xml));
    }

    public void send(Stanza stanza) {
        router.route(stanza.withFrom(jid));
    }

    /** Waits up to 5 s for the next delivered stanza matching {@code filter}, skipping others. */
    public Stanza expect(Predicate<Stanza> filter) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<Stanza> skipped = new ArrayList<>();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Stanza s = left <= 0 ? null : inbox.poll(left, TimeUnit.NANOSECONDS);
                if (s == null) {
                    inbox.addAll(skipped);
                    throw new AssertionError(jid + " received nothing matching; got " + skipped);
                }
                if (filter.test(s)) {
                    inbox.addAll(skipped);
                    return s;
                }
                skipped.add(s);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Asserts nothing matching arrives within {@code wait}. */
    public void expectNothing(Predicate<Stanza> filter, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Stanza s : inbox) {
            if (filter.test(s)) {
                throw new AssertionError(jid + " unexpectedly received " + s);
            }
        }
    }

    public List<Stanza> drain() {
        List<Stanza> out = new ArrayList<>();
        inbox.drainTo(out);
        return out;
    }

    public StreamErrorCondition closedWith() {
        return closedWith;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Simulates the connection ending (as the c2s layer does when the socket closes). */
    public void disconnect() {
        closed = true;
        hubs.detach(this);
    }
}
