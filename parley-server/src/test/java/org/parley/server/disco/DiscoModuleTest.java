package org.parley.server.disco;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.core.Component;
import org.parley.server.ping.PingModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class DiscoModuleTest {

    private CoreHarness harness;
    private TestSession alice;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new DiscoModule(), new PingModule(), ctx -> {
            ctx.features().addAccountFeature("urn:test:account-feature");
            ctx.handlers().component(new Component() {
                @Override
                public String domain() {
                    return "conference.localhost";
                }

                @Override
                public void receive(Stanza stanza) {
                }
            });
        });
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private Stanza ask(TestSession session, String id, String to, String ns, String node) {
        session.send("<iq type='get' id='" + id + "'" + (to == null ? "" : " to='" + to + "'") + "><query xmlns='" + ns + "'"
                + (node == null ? "" : " node='" + node + "'") + "/></iq>");
        return session.expect(s -> id.equals(s.id()));
    }

    private static List<String> features(Stanza reply) {
        return reply.element().child("query", Namespaces.DISCO_INFO).orElseThrow()
                .children("feature", Namespaces.DISCO_INFO).stream().map(f -> f.attribute("var")).toList();
    }

    private static Element identity(Stanza reply) {
        return reply.element().child("query", Namespaces.DISCO_INFO).orElseThrow()
                .child("identity", Namespaces.DISCO_INFO).orElseThrow();
    }

    @Test
    void serverInfoHasIdentityAndEveryModulesFeatures() {
        Stanza reply = ask(alice, "i1", "localhost", Namespaces.DISCO_INFO, null);
        assertThat(reply.type()).isEqualTo("result");
        assertThat(identity(reply).attributes())
                .containsEntry("category", "server").containsEntry("type", "im").containsEntry("name", "Parley");
        assertThat(features(reply)).contains(Namespaces.DISCO_INFO, Namespaces.DISCO_ITEMS, Namespaces.PING)
                .doesNotContain("urn:test:account-feature");
    }

    @Test
    void serverItemsListComponents() {
        Stanza reply = ask(alice, "it", "localhost", Namespaces.DISCO_ITEMS, null);
        assertThat(reply.element().child("query", Namespaces.DISCO_ITEMS).orElseThrow()
                .children("item", Namespaces.DISCO_ITEMS)).extracting(i -> i.attribute("jid"))
                .containsExactly("conference.localhost");
    }

    @Test
    void unknownNodeIsItemNotFound() {
        assertThat(Stanzas.errorCondition(ask(alice, "n1", "localhost", Namespaces.DISCO_INFO, "urn:nope")))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(Stanzas.errorCondition(ask(alice, "n2", "localhost", Namespaces.DISCO_ITEMS, "urn:nope")))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        assertThat(Stanzas.errorCondition(ask(alice, "n3", null, Namespaces.DISCO_INFO, "urn:nope")))
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @Test
    void setIsBadRequest() {
        alice.send("<iq type='set' id='s' to='localhost'><query xmlns='" + Namespaces.DISCO_INFO + "'/></iq>");
        assertThat(Stanzas.errorCondition(alice.expect(s -> "s".equals(s.id())))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void ownerSeesOwnAccountWithAndWithoutTo() {
        for (String to : new String[] {null, "alice@localhost"}) {
            Stanza reply = ask(alice, "own", to, Namespaces.DISCO_INFO, null);
            assertThat(reply.type()).isEqualTo("result");
            assertThat(identity(reply).attributes()).containsEntry("category", "account").containsEntry("type", "registered");
            assertThat(features(reply)).contains("urn:test:account-feature", Namespaces.DISCO_INFO)
                    .doesNotContain(Namespaces.PING);
        }
        assertThat(ask(alice, "own-items", "alice@localhost", Namespaces.DISCO_ITEMS, null).type()).isEqualTo("result");
    }

    @Test
    void strangerGetsServiceUnavailableLikeForAMissingAccount() {
        TestSession bob = harness.connect("bob", "b");
        assertThat(Stanzas.errorCondition(ask(bob, "x1", "alice@localhost", Namespaces.DISCO_INFO, null)))
                .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(Stanzas.errorCondition(ask(bob, "x2", "alice@localhost", Namespaces.DISCO_ITEMS, null)))
                .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(Stanzas.errorCondition(ask(bob, "x3", "nobody@localhost", Namespaces.DISCO_INFO, null)))
                .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }

    @Test
    void contactWhoSeesPresenceGetsTheAccountInfo() {
        harness.core().jdbc().update("INSERT INTO roster_items (username, contact, subscription) VALUES (?, ?, ?)",
                "alice", "bob@localhost", "from");
        TestSession bob = harness.connect("bob", "b");
        Stanza reply = ask(bob, "c1", "alice@localhost", Namespaces.DISCO_INFO, null);
        assertThat(reply.type()).isEqualTo("result");
        assertThat((Object) reply.from()).hasToString("alice@localhost");
        assertThat(identity(reply).attribute("category")).isEqualTo("account");

        // Alice sees bob's presence ("to"), not the other way round: bob's account stays closed to alice.
        harness.core().jdbc().update("INSERT INTO roster_items (username, contact, subscription) VALUES (?, ?, ?)",
                "bob", "alice@localhost", "to");
        assertThat(Stanzas.errorCondition(ask(alice, "c2", "bob@localhost", Namespaces.DISCO_INFO, null)))
                .isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }
}
