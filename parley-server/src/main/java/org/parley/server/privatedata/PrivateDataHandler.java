package org.parley.server.privatedata;

import org.parley.server.account.AccountNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
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
 * Answers jabber:iq:private (XEP-0049). A get names one fragment by an empty element and gets it
 * back filled in, or still empty when nothing was stored; a set stores each child it carries.
 * A query without a child, or naming one of the protocol's own namespaces, is
 * {@code not-acceptable} (XEP-0049 §3: those namespaces cannot be stored privately).
 */
final class PrivateDataHandler {

    /** Namespaces XEP-0049 reserves: the stream's own and this protocol's. */
    private static final Set<String> RESERVED = Set.of(Namespaces.CLIENT, Namespaces.SERVER, Namespaces.PRIVATE);
    /** Stored XML is re-read with the codec; this bounds it at the column size. */
    private static final int STORED_MAX_BYTES = 1_000_000;

    private final PrivateStore store;
    private final BlockingPool blocking;

    private final AccountNames names;

    PrivateDataHandler(PrivateStore store, BlockingPool blocking, AccountNames names) {
        this.names = names;
        this.store = store;
        this.blocking = blocking;
    }

    CompletionStage<Stanza> handle(Stanza iq) {
        Element query = iq.element().elements().get(0);
        if (!"query".equals(query.name())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "expected <query xmlns='jabber:iq:private'/>");
        }
        Jid to = iq.to();
        EntityBareJid owner = iq.from().asEntityBareJidIfPossible();
        if (owner == null || (to != null && !to.equals(owner))) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Private data belongs to its owner only");
        }
        String username = names.of(owner);
        List<Element> fragments = query.elements();
        if (fragments.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Name the fragment with a child element");
        }
        for (Element f : fragments) {
            if (f.namespace().isEmpty() || RESERVED.contains(f.namespace())) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                        "The namespace '" + f.namespace() + "' cannot be stored privately");
            }
        }
        return "get".equals(iq.type()) ? get(iq, username, fragments) : set(iq, username, fragments);
    }

    private CompletionStage<Stanza> get(Stanza iq, String username, List<Element> fragments) {
        if (fragments.size() != 1) {
            // XEP-0049 §2: one namespace per get.
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE, "Ask for one fragment at a time");
        }
        Element asked = fragments.get(0);
        return blocking.supply(() -> store.load(username, qname(asked))).thenApply(stored -> {
            Element payload = stored.map(PrivateDataHandler::parseStored).orElse(asked);
            return Stanzas.result(iq, Element.builder("query", Namespaces.PRIVATE).child(payload).build());
        });
    }

    private CompletionStage<Stanza> set(Stanza iq, String username, List<Element> fragments) {
        Map<String, String> byQname = new LinkedHashMap<>();
        for (Element f : fragments) {
            String xml = f.toXml();
            checkReadable(xml);
            byQname.put(qname(f), xml);
        }
        return blocking.run(() -> store.save(username, byQname)).thenApply(done -> Stanzas.result(iq));
    }

    static String qname(Element e) {
        return "{" + e.namespace() + "}" + e.name();
    }

    /** Refuses XML the element model cannot write back faithfully, so what is stored can always be read. */
    private static void checkReadable(String xml) {
        try {
            ElementParser.parse(xml, STORED_MAX_BYTES);
        } catch (XmlStreamException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "The fragment cannot be stored as sent");
        }
    }

    private static Element parseStored(String xml) {
        try {
            return ElementParser.parse(xml, STORED_MAX_BYTES);
        } catch (XmlStreamException e) {
            throw new IllegalStateException("stored private XML unreadable: " + e.getMessage(), e);
        }
    }
}
