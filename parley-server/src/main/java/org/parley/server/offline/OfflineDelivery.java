package org.parley.server.offline;

import java.util.ArrayList;
import java.util.List;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.KeyedSequencer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands stored messages to the first resource that becomes available with a non-negative
 * priority (XEP-0160 §3), oldest first, and deletes them only after they were handed to its
 * session: a failed load or delete leaves them stored (at worst delivered twice, never lost).
 */
final class OfflineDelivery {

    private static final Logger log = LoggerFactory.getLogger(OfflineDelivery.class);
    /** Set on the hub while one resource fetches, so two resources coming online together do not both get copies. */
    private static final AttachmentKey<Fetch> FETCH = new AttachmentKey<>("offline-fetch");

    private final OfflineStore store;
    private final BlockingPool blocking;
    private final KeyedSequencer<EntityBareJid> perUser;

    OfflineDelivery(OfflineStore store, BlockingPool blocking, KeyedSequencer<EntityBareJid> perUser) {
        this.store = store;
        this.blocking = blocking;
        this.perUser = perUser;
    }

    /** On the hub executor (InitialPresence). */
    void deliver(UserHub hub, Resource resource) {
        Fetch fetch = hub.attachment(FETCH, Fetch::new);
        if (resource.priority() < 0 || fetch.running) {
            return;
        }
        fetch.running = true;
        // Behind the user's pending writes: a message routed here just before the sign-in and still
        // being stored would otherwise miss this fetch and wait for the next one.
        perUser.submit(hub.user(), () -> blocking.supply(() -> store.load(hub.user()))).whenCompleteAsync((messages, failure) -> {
            if (failure != null) {
                log.error("could not load offline messages for {}; they stay stored", hub.user(), failure);
                done(hub);
                return;
            }
            if (messages.isEmpty() || hub.resource(resource.session().jid().getResourcepart()) != resource) {
                done(hub); // nothing stored, or the resource left meanwhile: keep everything for next time
                return;
            }
            List<Long> ids = new ArrayList<>(messages.size());
            for (OfflineStore.StoredMessage m : messages) {
                resource.session().deliver(m.message());
                ids.add(m.id());
            }
            blocking.run(() -> store.delete(hub.user(), ids)).whenCompleteAsync((ok, deleteFailure) -> {
                if (deleteFailure != null) {
                    log.error("delivered {} offline messages to {} but could not delete them", ids.size(),
                            resource.session().jid(), deleteFailure);
                }
                done(hub);
            }, hub.executor());
        }, hub.executor());
    }

    private static void done(UserHub hub) {
        hub.attachment(FETCH, Fetch::new).running = false;
    }

    /** Per-hub fetch state; touched on the hub executor only. */
    private static final class Fetch {
        boolean running;
    }
}
