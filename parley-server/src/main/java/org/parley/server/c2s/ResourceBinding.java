package org.parley.server.c2s;

import java.util.Base64;
import java.util.Random;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** Resource binding (RFC 6120 §7): which full JID a bind request asks for, and the result. */
final class ResourceBinding {

    private ResourceBinding() {
    }

    /** Whether this iq is a bind request: type set with a {@code <bind/>} payload. */
    static boolean isBindRequest(Stanza iq) {
        return iq.isIq() && iq.element().child("bind", Namespaces.BIND).isPresent();
    }

    /**
     * The full JID a bind request asks for: the client's resource after PRECIS preparation
     * (RFC 7622 §3.4), or a random one when it asks for none (§7.6.2.1).
     *
     * @throws StanzaErrorException bad-request for a wrong iq type or a resource PRECIS refuses
     */
    static EntityFullJid requestedJid(Stanza iq, String username, DomainBareJid domain, Random random) {
        if (!"set".equals(iq.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Resource binding is an iq of type set");
        }
        Element bind = iq.element().child("bind", Namespaces.BIND).orElseThrow();
        String asked = bind.childText("resource", Namespaces.BIND);
        try {
            Resourcepart resource = asked == null || asked.isBlank()
                    ? generated(random)
                    : Resourcepart.from(asked);
            return JidCreate.entityFullFrom(Localpart.from(username), domain, resource);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Not a valid resource: " + asked);
        }
    }

    /** 96 random bits: unguessable, so nobody can address or displace a session by guessing. */
    private static Resourcepart generated(Random random) throws XmppStringprepException {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Resourcepart.from("parley-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    static Stanza result(Stanza request, EntityFullJid jid) {
        Element payload = Element.builder("bind", Namespaces.BIND)
                .child(Element.builder("jid", Namespaces.BIND).text(jid.toString()).build())
                .build();
        return Stanzas.result(request, payload);
    }
}
