package org.parley.server.offline;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.Router;
import org.parley.server.core.event.MessageUndeliverable;
import org.parley.server.message.MessageHints;
import org.parley.server.message.MessageType;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.KeyedSequencer;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to a message no resource could take (RFC 6121 §8.5.2.2.1: store it or
 * return service-unavailable) and stores it on the blocking pool. Only chat and normal messages
 * with content a person reads (a body or subject) or an explicit XEP-0334 store hint are kept;
 * content-free ones (chat states alone) are dropped without an error, as that would only be noise.
 */
final class OfflineStorage {

    private static final Logger log = LoggerFactory.getLogger(OfflineStorage.class);

    private final OfflineStore store;
    private final BlockingPool blocking;
    private final Router router;
    private final DomainBareJid domain;
    private final Clock clock;
    private final boolean enabled;
    private final int maxPerUser;
    private final KeyedSequencer<EntityBareJid> perUser;

    OfflineStorage(OfflineStore store, BlockingPool blocking, KeyedSequencer<EntityBareJid> perUser, Router router,
                   DomainBareJid domain, Clock clock, boolean enabled, int maxPerUser) {
        this.perUser = perUser;
        this.store = store;
        this.blocking = blocking;
        this.router = router;
        this.domain = domain;
        this.clock = clock;
        this.enabled = enabled;
        this.maxPerUser = maxPerUser;
    }

    void handle(MessageUndeliverable event) {
        Stanza message = event.message();
        MessageType type = MessageType.of(message);
        if (type != MessageType.CHAT && type != MessageType.NORMAL) {
            return;
        }
        if (!worthStoring(message)) {
            return;
        }
        if (!enabled) {
            bounce(message, StanzaErrorCondition.SERVICE_UNAVAILABLE, null, "The recipient is offline");
            return;
        }
        if (MessageHints.noStore(message)) {
            bounce(message, StanzaErrorCondition.SERVICE_UNAVAILABLE, null,
                    "The recipient is offline and the message asked not to be stored");
            return;
        }
        Instant now = clock.instant();
        Stanza stamped = withDelay(message, now);
        // One user's messages are stored one at a time so that their ids keep the arrival order.
        perUser.submit(event.user(), () -> blocking.supply(() -> store.store(event.user(), stamped, now, maxPerUser)))
                .whenComplete((outcome, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.error("could not store an offline message for {}", event.user(), cause);
                // Nothing is lost: the sender is told to try again later.
                bounce(message, StanzaErrorCondition.INTERNAL_SERVER_ERROR, "wait",
                        "The message could not be stored for the offline recipient; try again later");
            } else if (outcome == OfflineStore.Outcome.FULL) {
                bounce(message, StanzaErrorCondition.SERVICE_UNAVAILABLE, null,
                        "The recipient is offline and their offline message storage is full");
            } else if (outcome == OfflineStore.Outcome.NO_SUCH_USER) {
                bounce(message, StanzaErrorCondition.SERVICE_UNAVAILABLE, null, null);
            }
        });
    }

    private static boolean worthStoring(Stanza message) {
        Element e = message.element();
        return MessageHints.hasBody(message) || e.child("subject", e.namespace()).isPresent()
                || MessageHints.store(message);
    }

    /** XEP-0203: when and by whom the message was delayed; XEP-0160 §3 asks for it at storage time. */
    private Stanza withDelay(Stanza message, Instant now) {
        Element delay = Element.builder("delay", Namespaces.DELAY)
                .attribute("from", message.to().asDomainBareJid().toString())
                .attribute("stamp", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.MILLIS)))
                .text("Offline Storage")
                .build();
        return message.withElement(message.element().withChild(delay));
    }

    private void bounce(Stanza message, StanzaErrorCondition condition, String type, String text) {
        if (message.from() == null || message.isError()) {
            return;
        }
        router.route(Stanzas.error(message, condition, type == null ? condition.defaultType() : type, text));
    }
}
