package org.parley.server.broadcast;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Router;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.core.Target;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Node;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.StanzaKind;

/**
 * Broadcast IM (seed) as the XEP-0033 multicast service at the server's own domain: a message
 * to the domain with an {@code <addresses/>} header is copied to each to/cc/bcc address not yet
 * marked delivered, each copy addressed to its recipient and sent through the router like any
 * message (so forking, offline storage, blocking and carbons apply, and each recipient's
 * failure comes back to the sender as that recipient's own error). The whole request is refused
 * before anything is sent when it is malformed or names more than {@code broadcast.maxRecipients}.
 */
public final class BroadcastModule implements Module {

    private Router router;
    private DomainBareJid domain;
    private int maxRecipients;

    @Override
    public void start(ModuleContext ctx) {
        this.router = ctx.router();
        this.domain = ctx.domain();
        this.maxRecipients = ctx.config().broadcast().maxRecipients();
        ctx.handlers().stanza(StanzaKind.MESSAGE, Target.SERVER, this::handle);
        ctx.features().addServerFeature(Namespaces.ADDRESS);
    }

    private void handle(Stanza message) {
        Element addresses = message.element().child("addresses", Namespaces.ADDRESS).orElse(null);
        if (addresses == null || message.isError()) {
            return; // a plain message to the server: nothing to do (RFC 6121 §8.5.1 lets the server ignore it)
        }
        Jid from = message.from();
        if (from == null || !from.hasLocalpart() || !router.domains().isLocal(from.asDomainBareJid())) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only users of this server may broadcast");
        }
        Map<Jid, Element> recipients = recipients(addresses);
        if (recipients.isEmpty()) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "No address to deliver to");
        }
        if (recipients.size() > maxRecipients) {
            throw new StanzaErrorException(StanzaErrorCondition.NOT_ACCEPTABLE,
                    "Too many recipients: at most " + maxRecipients);
        }
        List<Node> shared = sharedHeader(addresses);
        for (Map.Entry<Jid, Element> r : recipients.entrySet()) {
            List<Node> header = new ArrayList<>(shared);
            if ("bcc".equals(r.getValue().attribute("type"))) {
                header.add(r.getValue().withAttribute("delivered", "true")); // a bcc recipient sees only its own bcc
            }
            Element copy = message.element()
                    .withoutChildren(e -> e.is("addresses", Namespaces.ADDRESS))
                    .withChild(addresses.withChildren(header));
            router.route(Stanza.of(copy).withTo(r.getKey()));
        }
    }

    /** The to/cc/bcc addresses still to deliver, one per JID (the first address naming it wins). */
    private static Map<Jid, Element> recipients(Element addresses) {
        Map<Jid, Element> out = new LinkedHashMap<>();
        for (Element a : addresses.children("address", Namespaces.ADDRESS)) {
            if (!isDeliverable(a) || "true".equals(a.attribute("delivered"))) {
                continue;
            }
            if (a.attribute("uri") != null) {
                throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "URI addresses are not supported");
            }
            String jid = a.attribute("jid");
            if (jid == null) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "A " + a.attribute("type")
                        + " address needs a 'jid'");
            }
            try {
                out.putIfAbsent(JidCreate.from(jid), a);
            } catch (XmppStringprepException | IllegalArgumentException e) {
                throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a valid JID: " + jid);
            }
        }
        return out;
    }

    /** The header every copy carries: bcc addresses removed, to/cc marked delivered (loop prevention). */
    private static List<Node> sharedHeader(Element addresses) {
        List<Node> out = new ArrayList<>();
        for (Element a : addresses.children("address", Namespaces.ADDRESS)) {
            String type = a.attribute("type");
            if ("bcc".equals(type)) {
                continue;
            }
            out.add(isDeliverable(a) ? a.withAttribute("delivered", "true") : a);
        }
        return out;
    }

    private static boolean isDeliverable(Element address) {
        String type = address.attribute("type");
        return "to".equals(type) || "cc".equals(type) || "bcc".equals(type);
    }
}
