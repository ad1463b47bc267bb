package org.parley.server.c2s;

import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.StanzaKind;
import org.parley.xml.Stanzas;

/** What the stream itself answers for a bound client, before anything reaches the router. */
final class SessionStanzas {

    private SessionStanzas() {
    }

    /** RFC 6120 §8.1.2.1: a client may leave 'from' out, or give its own full or bare JID only. */
    /** A message, presence or iq in the client namespace. */
    static boolean isStanza(Element element) {
        return Namespaces.CLIENT.equals(element.namespace()) && StanzaKind.ofElementName(element.name()) != null;
    }

    static boolean claimsAnotherAddress(Stanza stanza, EntityFullJid jid) {
        return stanza.from() != null && !stanza.from().equals(jid) && !stanza.from().equals(jid.asEntityBareJid());
    }

    /**
     * The reply to an iq that the stream answers itself, or null when the iq goes to the router:
     * a wrong type or missing id (bad-request, §8.2.3), a second bind (not-allowed), and legacy
     * session establishment (RFC 3921), which has nothing left to do.
     */
    static Stanza answerAtStream(Stanza iq, DomainBareJid domain) {
        String type = iq.type();
        boolean request = "get".equals(type) || "set".equals(type);
        if (!request && !"result".equals(type) && !"error".equals(type)) {
            return Stanzas.error(iq, StanzaErrorCondition.BAD_REQUEST, "An iq needs type get, set, result or error");
        }
        if (request && iq.id() == null) {
            return Stanzas.error(iq, StanzaErrorCondition.BAD_REQUEST, "An iq needs an id");
        }
        boolean toServer = iq.to() == null || iq.to().equals(domain);
        if (request && toServer) {
            if (ResourceBinding.isBindRequest(iq)) {
                return Stanzas.error(iq, StanzaErrorCondition.NOT_ALLOWED, "A resource is already bound");
            }
            if (iq.element().child("session", Namespaces.SESSION).isPresent()) {
                return Stanzas.result(iq);
            }
        }
        return null;
    }

    /** A XEP-0199 ping from the server to a client. */
    static Stanza ping(DomainBareJid domain, EntityFullJid to, String id) {
        return Stanza.of(Element.builder("iq", Namespaces.CLIENT)
                .attribute("type", "get")
                .attribute("id", id)
                .attribute("from", domain.toString())
                .attribute("to", to.toString())
                .child(Element.of("ping", Namespaces.PING))
                .build());
    }
}
