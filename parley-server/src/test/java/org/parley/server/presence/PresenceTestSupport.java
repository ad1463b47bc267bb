package org.parley.server.presence;

import java.util.function.Predicate;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** Stanza predicates and small protocol steps shared by the presence tests. */
final class PresenceTestSupport {

    private PresenceTestSupport() {
    }

    static Predicate<Stanza> presence(String type, String from) {
        return s -> s.isPresence() && java.util.Objects.equals(type, s.type())
                && s.from() != null && s.from().toString().equals(from);
    }

    static Predicate<Stanza> available(String from) {
        return presence(null, from);
    }

    static Predicate<Stanza> anyPresenceFrom(String bare) {
        return s -> s.isPresence() && s.from() != null && s.from().asBareJid().toString().equals(bare);
    }

    static Predicate<Stanza> push(String jid) {
        return s -> s.isIq() && "set".equals(s.type())
                && s.element().child("query", Namespaces.ROSTER)
                .map(q -> q.elements().stream().anyMatch(i -> jid.equals(i.attribute("jid")))).orElse(false);
    }

    static Element pushedItem(Stanza push) {
        return push.element().child("query", Namespaces.ROSTER).orElseThrow().elements().get(0);
    }

    static String show(Stanza presence) {
        return presence.element().childText("show", Namespaces.CLIENT);
    }

    static String status(Stanza presence) {
        return presence.element().childText("status", Namespaces.CLIENT);
    }

    /** Asks for the roster (so the session gets pushes) and sends initial presence. */
    static void signIn(TestSession s) {
        s.send("<iq type='get' id='roster-" + s.jid().getResourcepart() + "'><query xmlns='jabber:iq:roster'/></iq>");
        s.expect(r -> r.isIq() && ("roster-" + s.jid().getResourcepart()).equals(r.id()));
        s.send("<presence/>");
        s.expect(available(s.jid().toString()));
    }

    /** {@code from} subscribes to {@code to}'s presence and {@code to} approves. */
    static void subscribe(TestSession from, TestSession to) {
        String toBare = to.jid().asBareJid().toString();
        String fromBare = from.jid().asBareJid().toString();
        from.send("<presence type='subscribe' to='" + toBare + "'/>");
        to.expect(presence("subscribe", fromBare));
        to.send("<presence type='subscribed' to='" + fromBare + "'/>");
        from.expect(presence("subscribed", toBare));
        from.expect(s -> push(toBare).test(s) && pushedItem(s).attribute("subscription").matches("to|both"));
    }
}
