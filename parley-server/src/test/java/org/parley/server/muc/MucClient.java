package org.parley.server.muc;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** A test client speaking XEP-0045 over a {@link TestSession}: joins, forms and waits for answers. */
final class MucClient {

    static final String SERVICE = "conference.localhost";

    final TestSession session;

    MucClient(TestSession session) {
        this.session = session;
    }

    /** A new account on {@code harness}, signed in with resource "r" (no presence sent). */
    static MucClient newUser(CoreHarness harness, String user) {
        harness.createUser(user);
        return new MucClient(harness.connect(user, "r"));
    }

    /** As {@link #newUser}, then available, so that messages to the bare JID reach the session. */
    static MucClient availableUser(CoreHarness harness, String user) {
        MucClient c = newUser(harness, user);
        c.session.send("<presence/>");
        c.session.expect(Stanza::isPresence);
        return c;
    }

    static String room(String name) {
        return name + "@" + SERVICE;
    }

    /** Sends a join presence; {@code extra} goes inside the muc {@code <x/>} (password, history). */
    void sendJoin(String room, String nick, String extra) {
        session.send("<presence id='join-" + nick + "' to='" + room(room) + "/" + nick + "'><x xmlns='" + MucNamespaces.MUC + "'>"
                + extra + "</x></presence>");
    }

    /** Joins and returns the self-presence (status 110). */
    Stanza join(String room, String nick) {
        return join(room, nick, "");
    }

    Stanza join(String room, String nick, String extra) {
        sendJoin(room, nick, extra);
        return session.expect(s -> s.isPresence() && s.from() != null && s.from().toString().equals(room(room) + "/" + nick)
                && (s.isError() || statusCodes(s).contains(110)));
    }

    /** Creates a room with the default (instant) configuration: join, then submit an empty form. */
    void createInstant(String room, String nick) {
        Stanza self = join(room, nick);
        if (!statusCodes(self).contains(201)) {
            throw new AssertionError("room " + room + " was not created: " + self);
        }
        Stanza r = iq("set", room(room), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'><x xmlns='jabber:x:data' type='submit'/></query>");
        expectResult(r);
    }

    /** Creates a room and submits configuration fields (var → value). */
    void createConfigured(String room, String nick, String... fieldsAndValues) {
        Stanza self = join(room, nick);
        if (!statusCodes(self).contains(201)) {
            throw new AssertionError("room " + room + " was not created: " + self);
        }
        expectResult(configure(room, fieldsAndValues));
    }

    Stanza configure(String room, String... fieldsAndValues) {
        StringBuilder form = new StringBuilder("<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>" + MucNamespaces.ROOMCONFIG + "</value></field>");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.append("<field var='").append(fieldsAndValues[i]).append("'><value>").append(fieldsAndValues[i + 1])
                    .append("</value></field>");
        }
        form.append("</x>");
        return iq("set", room(room), "<query xmlns='" + MucNamespaces.MUC_OWNER + "'>" + form + "</query>");
    }

    /** Sends an iq and returns its answer. */
    Stanza iq(String type, String to, String payload) {
        String id = UUID.randomUUID().toString();
        session.send("<iq type='" + type + "' id='" + id + "' to='" + to + "'>" + payload + "</iq>");
        return session.expect(s -> s.isIq() && id.equals(s.id()));
    }

    void say(String room, String body) {
        session.send("<message type='groupchat' to='" + room(room) + "'><body>" + body + "</body></message>");
    }

    /** Waits for a groupchat message with this body. */
    Stanza expectGroupchat(String body) {
        return session.expect(s -> s.isMessage() && "groupchat".equals(s.type())
                && body.equals(s.element().childText("body", Namespaces.CLIENT)));
    }

    Stanza expect(Predicate<Stanza> filter) {
        return session.expect(filter);
    }

    static Stanza expectResult(Stanza reply) {
        if (!"result".equals(reply.type())) {
            throw new AssertionError("expected a result, got " + reply);
        }
        return reply;
    }

    static StanzaErrorCondition error(Stanza reply) {
        return reply.isError() ? Stanzas.errorCondition(reply) : null;
    }

    static String errorText(Stanza reply) {
        return reply.element().child("error", Namespaces.CLIENT)
                .flatMap(e -> e.child("text", Namespaces.STANZAS_ERRORS)).map(Element::text).orElse(null);
    }

    static List<Integer> statusCodes(Stanza s) {
        List<Integer> codes = new ArrayList<>();
        s.element().child("x", MucNamespaces.MUC_USER).ifPresent(x -> {
            for (Element st : x.children("status", MucNamespaces.MUC_USER)) {
                codes.add(Integer.parseInt(st.attribute("code")));
            }
        });
        return codes;
    }

    static Element item(Stanza s) {
        return s.element().child("x", MucNamespaces.MUC_USER).flatMap(x -> x.child("item", MucNamespaces.MUC_USER)).orElse(null);
    }
}
