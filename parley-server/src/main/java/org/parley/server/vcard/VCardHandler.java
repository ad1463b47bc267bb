package org.parley.server.vcard;

import org.parley.server.account.AccountNames;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.account.Accounts;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.storage.BlockingPool;
import org.parley.xml.Element;
import org.parley.xml.ElementParser;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.parley.xml.XmlStreamException;

/**
 * Answers vcard-temp iqs for accounts (XEP-0054).
 *
 * <p>Reading a user who has no vCard gives an empty {@code <vCard/>} (XEP-0054 §3.1 allows that
 * or an error; an empty one saves clients an error path). Reading a user who does not exist gives
 * {@code service-unavailable}, as RFC 6121 §8.5.1 prescribes for an iq to a non-existent account.
 */
final class VCardHandler {

    /** Stored XML is re-read with the codec; this bounds it at the column size. */
    private static final int STORED_MAX_BYTES = 1_000_000;

    private final VCardStore store;
    private final BlockingPool blocking;
    private final Accounts accounts;
    private final int maxBytes;

    private final AccountNames names;

    VCardHandler(VCardStore store, BlockingPool blocking, Accounts accounts, AccountNames names, int maxBytes) {
        this.names = names;
        this.store = store;
        this.blocking = blocking;
        this.accounts = accounts;
        this.maxBytes = maxBytes;
    }

    CompletionStage<Stanza> handle(Stanza iq) {
        Element payload = iq.element().elements().get(0);
        if (!"vCard".equals(payload.name())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "expected <vCard xmlns='vcard-temp'/>");
        }
        // The requester may be a service (a component) rather than an account: then it owns no vCard.
        EntityBareJid requester = iq.from().asEntityBareJidIfPossible();
        Jid to = iq.to();
        EntityBareJid owner = to == null ? requester : to.asEntityBareJidIfPossible();
        if (owner == null) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Only accounts have vCards here");
        }
        String username = names.of(owner);
        boolean own = owner.equals(requester);
        if ("get".equals(iq.type())) {
            return get(iq, username, own);
        }
        if (!own) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "You may only change your own vCard");
        }
        return set(iq, username, payload);
    }

    private CompletionStage<Stanza> get(Stanza iq, String username, boolean own) {
        return blocking.supply(() -> store.load(username)).thenCompose(stored -> {
            if (stored.isPresent()) {
                return CompletableFuture.completedFuture(Stanzas.result(iq, parseStored(stored.get())));
            }
            Stanza empty = Stanzas.result(iq, Element.of("vCard", Namespaces.VCARD));
            if (own) {
                return CompletableFuture.completedFuture(empty);
            }
            return accounts.exists(username).thenApply(exists -> {
                if (!exists) {
                    throw new StanzaErrorException(StanzaErrorCondition.SERVICE_UNAVAILABLE, null);
                }
                return empty;
            });
        });
    }

    private CompletionStage<Stanza> set(Stanza iq, String username, Element vcard) {
        String xml = vcard.toXml();
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxBytes) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "The vCard is larger than " + maxBytes + " bytes");
        }
        checkReadable(xml);
        return blocking.run(() -> store.save(username, xml)).thenApply(done -> Stanzas.result(iq));
    }

    /** Refuses XML the element model cannot write back faithfully, so what is stored can always be read. */
    private static void checkReadable(String xml) {
        try {
            ElementParser.parse(xml, STORED_MAX_BYTES);
        } catch (XmlStreamException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "The vCard cannot be stored as sent");
        }
    }

    private static Element parseStored(String xml) {
        try {
            return ElementParser.parse(xml, STORED_MAX_BYTES);
        } catch (XmlStreamException e) {
            throw new IllegalStateException("stored vCard unreadable: " + e.getMessage(), e);
        }
    }
}
