package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.error;
import static org.parley.server.muc.MucClient.item;
import static org.parley.server.muc.MucClient.room;
import static org.parley.server.muc.MucClient.statusCodes;

import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/** XEP-0045 §7.13 and §8.6: a visitor asks for voice, moderators get the approval form, approving gives voice. */
class VoiceRequestTest {

    private static final String REQUEST = "<x xmlns='jabber:x:data' type='submit'>"
            + "<field var='FORM_TYPE'><value>" + MucNamespaces.REQUEST + "</value></field>"
            + "<field var='muc#role' type='text-single'><value>participant</value></field></x>";

    private CoreHarness harness;
    private MucClient alice;
    private MucClient bob;
    private MucClient carol;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new MucModule());
        alice = client("alice");
        bob = client("bob");
        carol = client("carol");
        alice.createConfigured("stage", "Alice", "muc#roomconfig_moderatedroom", "1");
        assertThat(item(bob.join("stage", "Bob")).attribute("role")).isEqualTo("visitor");
        assertThat(item(carol.join("stage", "Carol")).attribute("role")).isEqualTo("visitor");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucClient client(String user) {
        return MucClient.newUser(harness, user);
    }

    private static Predicate<Stanza> approvalForm() {
        return s -> s.isMessage() && s.element().child("x", Namespaces.DATA_FORMS).isPresent();
    }

    private static String field(Stanza message, String var) {
        Element x = message.element().child("x", Namespaces.DATA_FORMS).orElseThrow();
        return x.children("field", Namespaces.DATA_FORMS).stream().filter(f -> var.equals(f.attribute("var")))
                .findFirst().map(f -> f.childText("value", Namespaces.DATA_FORMS)).orElse(null);
    }

    private static String approval(String nick, boolean allow) {
        return "<message to='" + room("stage") + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>" + MucNamespaces.REQUEST + "</value></field>"
                + "<field var='muc#role'><value>participant</value></field>"
                + "<field var='muc#roomnick'><value>" + nick + "</value></field>"
                + "<field var='muc#request_allow'><value>" + allow + "</value></field></x></message>";
    }

    @Test
    void aModeratorApprovesAVoiceRequestAndTheVisitorMaySpeak() {
        bob.session.send("<message to='" + room("stage") + "'>" + REQUEST + "</message>");
        Stanza form = alice.expect(approvalForm());
        assertThat(form.from().toString()).isEqualTo(room("stage"));
        assertThat(field(form, "FORM_TYPE")).isEqualTo(MucNamespaces.REQUEST);
        assertThat(field(form, "muc#roomnick")).isEqualTo("Bob");
        assertThat(field(form, "muc#jid")).isEqualTo("bob@localhost/r");
        assertThat(field(form, "muc#request_allow")).isIn("0", "false");

        alice.session.send(approval("Bob", true));
        Stanza voiced = bob.expect(s -> s.isPresence() && s.from().toString().equals(room("stage") + "/Bob")
                && "participant".equals(item(s).attribute("role")));
        assertThat(statusCodes(voiced)).contains(110);
        bob.say("stage", "thank you");
        carol.expectGroupchat("thank you");
    }

    @Test
    void refusalsRepeatsAndImpostorsChangeNothing() {
        carol.session.send("<message to='" + room("stage") + "'>" + REQUEST + "</message>");
        alice.expect(approvalForm());
        // Asking again at once does not reach the moderators a second time.
        carol.session.send("<message to='" + room("stage") + "'>" + REQUEST + "</message>");
        bob.session.send("<message to='" + room("stage") + "'>" + REQUEST + "</message>");
        assertThat(field(alice.expect(approvalForm()), "muc#roomnick")).isEqualTo("Bob");

        // A visitor cannot approve anyone, itself included.
        carol.session.send(approval("Carol", true).replace("<message ", "<message id='self' "));
        assertThat(error(carol.expect(s -> "self".equals(s.id())))).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        // A refusal leaves Carol a visitor.
        alice.session.send(approval("Carol", false));
        carol.session.send("<message id='talk' type='groupchat' to='" + room("stage") + "'><body>may I?</body></message>");
        assertThat(error(carol.expect(s -> "talk".equals(s.id())))).isEqualTo(StanzaErrorCondition.FORBIDDEN);

        // Only voice can be asked for.
        bob.session.send("<message id='mod' to='" + room("stage") + "'>"
                + REQUEST.replace("<value>participant</value>", "<value>moderator</value>") + "</message>");
        assertThat(error(bob.expect(s -> "mod".equals(s.id())))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }
}
