package org.parley.server.adhoc;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.Jid;

/**
 * Multi-stage command sessions (XEP-0050 §3.3): the session id names a requester's run of one
 * command; an abandoned session expires so a client that never completes leaks nothing.
 */
final class CommandSessions {

    /** A session between two stages. */
    record Session(String id, String node, Jid requester, Object state, Set<CommandAction> actions,
                   ScheduledFuture<?> expiry) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();

    CommandSessions(ScheduledExecutorService scheduler, Duration lifetime) {
        this.scheduler = scheduler;
        this.lifetime = lifetime;
    }

    String newId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    void put(String id, String node, Jid requester, Object state, Set<CommandAction> actions) {
        ScheduledFuture<?> expiry = scheduler.schedule(() -> sessions.remove(id), lifetime.toMillis(), TimeUnit.MILLISECONDS);
        Session old = sessions.put(id, new Session(id, node, requester, state, actions, expiry));
        if (old != null) {
            old.expiry().cancel(false);
        }
    }

    /** Removes and returns the session, or null; the caller puts it back if the command goes on. */
    Session take(String id) {
        Session s = sessions.remove(id);
        if (s != null) {
            s.expiry().cancel(false);
        }
        return s;
    }

    int size() {
        return sessions.size();
    }
}
