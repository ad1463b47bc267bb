package org.parley.server.message;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;

/**
 * IM forking (seed "IM Forking"): a chat to a user's bare JID goes to every available resource
 * with a non-negative priority until the user replies to that peer from one resource; from then
 * on the conversation with that peer goes to the replying resource only, until that resource
 * goes away (unbound, unavailable, negative priority) or nothing was said in either direction
 * for the idle window. The lock is per (user, peer bare JID) and lives in the user's hub, so
 * every method runs on the hub's executor.
 */
final class Forking {

    private static final AttachmentKey<Map<BareJid, Lock>> LOCKS = new AttachmentKey<>("forking-locks");

    private final Duration idle;
    private final Clock clock;

    Forking(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** The resources a chat from {@code peer} goes to: the locked one, else every non-negative available one. */
    List<Resource> chatTargets(UserHub hub, BareJid peer) {
        Map<BareJid, Lock> locks = hub.attachment(LOCKS);
        if (locks != null) {
            Lock lock = locks.get(peer);
            if (lock != null) {
                Instant now = clock.instant();
                Resource locked = hub.resource(lock.resource());
                if (lock.isFresh(now, idle) && locked != null && locked.isAvailable() && locked.priority() >= 0) {
                    locks.put(peer, new Lock(lock.resource(), now));
                    return List.of(locked);
                }
                locks.remove(peer);
            }
        }
        List<Resource> out = new ArrayList<>(2);
        for (Resource r : hub.availableResources()) {
            if (r.priority() >= 0) {
                out.add(r);
            }
        }
        return out;
    }

    /** The user replied to {@code peer} from {@code resource}: lock the conversation to it. */
    void replied(UserHub hub, Resourcepart resource, BareJid peer) {
        if (idle.isZero() || idle.isNegative()) {
            return; // a zero window turns locking off: every chat forks
        }
        Map<BareJid, Lock> locks = hub.attachment(LOCKS, HashMap::new);
        Instant now = clock.instant();
        if (locks.size() > 64) {
            locks.values().removeIf(l -> !l.isFresh(now, idle)); // keep long-lived hubs from collecting dead locks
        }
        locks.put(peer, new Lock(resource, now));
    }

    /** A resource went offline: its conversations fork again. */
    void resourceGone(UserHub hub, Resource resource) {
        Map<BareJid, Lock> locks = hub.attachment(LOCKS);
        if (locks == null) {
            return;
        }
        Resourcepart gone = resource.session().jid().getResourcepart();
        for (Iterator<Lock> it = locks.values().iterator(); it.hasNext(); ) {
            if (it.next().resource().equals(gone)) {
                it.remove();
            }
        }
    }

    private record Lock(Resourcepart resource, Instant lastActivity) {
        boolean isFresh(Instant now, Duration idle) {
            return lastActivity.plus(idle).isAfter(now);
        }
    }
}
