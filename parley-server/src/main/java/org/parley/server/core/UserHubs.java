package org.parley.server.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.event.SessionBound;
import org.parley.server.core.event.SessionUnbound;
import org.parley.xml.StreamErrorCondition;

/**
 * The local node's online users: one {@link UserHub} per user with at least one bound session,
 * and a direct index of sessions by full JID so that a stanza to a full JID is delivered without
 * visiting the hub.
 */
public final class UserHubs {

    private final Map<EntityBareJid, UserHub> hubs = new ConcurrentHashMap<>();
    private final Map<EntityFullJid, Session> sessions = new ConcurrentHashMap<>();
    private final Executor actorPool;
    private final EventBus events;

    public UserHubs(Executor actorPool, EventBus events) {
        this.actorPool = actorPool;
        this.events = events;
    }

    /**
     * Registers a freshly bound session. An older session with the same full JID is closed with
     * {@code conflict} (RFC 6120 §7.7.2.2). Completes once the user's hub knows the resource, so
     * that the bind result is sent only when routing already sees the session.
     */
    public CompletableFuture<Void> attach(Session session) {
        Session previous = sessions.put(session.jid(), session);
        if (previous != null && previous != session) {
            previous.close(StreamErrorCondition.CONFLICT, "Replaced by a new session with the same resource");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        attachToHub(session, done);
        return done;
    }

    private void attachToHub(Session session, CompletableFuture<Void> done) {
        UserHub hub = hubs.computeIfAbsent(session.jid().asEntityBareJid(), u -> new UserHub(u, actorPool));
        hub.executor().execute(() -> {
            if (hub.isDetached()) {
                // The hub emptied and left the map between our lookup and now: use a fresh one.
                attachToHub(session, done);
                return;
            }
            if (hub.resource(session.jid().getResourcepart()) != null) {
                // The replaced session's unbind has not run yet; remove it now so that its
                // SessionUnbound (which a later remove would skip) is still published.
                Resource old = hub.remove(hub.resource(session.jid().getResourcepart()).session());
                events.publish(new SessionUnbound(hub, old));
            }
            Resource resource = hub.add(session);
            events.publish(new SessionBound(hub, resource));
            done.complete(null);
        });
    }

    /** Unregisters a session that ended, however it ended. Safe to call more than once. */
    public void detach(Session session) {
        sessions.remove(session.jid(), session);
        UserHub hub = hubs.get(session.jid().asEntityBareJid());
        if (hub == null) {
            return;
        }
        hub.executor().execute(() -> {
            Resource removed = hub.remove(session);
            if (removed != null) {
                events.publish(new SessionUnbound(hub, removed));
            }
            if (hub.isEmpty() && !hub.isDetached()) {
                hub.detach();
                hubs.remove(hub.user(), hub);
            }
        });
    }

    /** The hub of an online user, or null when the user has no bound session here. */
    public UserHub hub(EntityBareJid user) {
        return hubs.get(user);
    }

    public Session session(Jid fullJid) {
        EntityFullJid full = fullJid.asEntityFullJidIfPossible();
        return full == null ? null : sessions.get(full);
    }

    public Collection<Session> allSessions() {
        return List.copyOf(sessions.values());
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** Ends every session of a user (account deleted or disabled). */
    public void closeAll(EntityBareJid user, StreamErrorCondition condition, String text) {
        for (Session s : sessions.values()) {
            if (s.jid().asEntityBareJid().equals(user)) {
                s.close(condition, text);
            }
        }
    }
}
