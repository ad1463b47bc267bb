package org.parley.server.privatedata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class PrivateDataModuleTest {

    private static final String NOTES = "<storage xmlns='storage:rosternotes'><note jid='bob@localhost'>met at work</note></storage>";

    private CoreHarness harness;
    private TestSession alice;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new PrivateDataModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Stanza send(TestSession s, String id, String attrs, String content) {
        s.send("<iq id='" + id + "' " + attrs + "><query xmlns='jabber:iq:private'>" + content + "</query></iq>");
        return s.expect(x -> id.equals(x.id()));
    }

    private static Element fragment(Stanza reply) {
        assertThat(reply.type()).isEqualTo("result");
        return reply.element().child("query", Namespaces.PRIVATE).orElseThrow().elements().get(0);
    }

    @Test
    void storesAndReturnsAFragmentByQualifiedName() {
        assertThat(send(alice, "s", "type='set'", NOTES).type()).isEqualTo("result");
        Element got = fragment(send(alice, "g", "type='get'", "<storage xmlns='storage:rosternotes'/>"));
        assertThat(got.child("note", "storage:rosternotes").orElseThrow().text()).isEqualTo("met at work");

        // Same local name, other namespace: a different fragment, still empty.
        Element other = fragment(send(alice, "g2", "type='get' to='alice@localhost'", "<storage xmlns='storage:bookmarks'/>"));
        assertThat(other).isEqualTo(Element.of("storage", "storage:bookmarks"));
    }

    @Test
    void setReplacesAndMayCarrySeveralFragments() {
        send(alice, "s1", "type='set'", NOTES);
        send(alice, "s2", "type='set'", "<storage xmlns='storage:rosternotes'/><prefs xmlns='urn:test:prefs'><x>1</x></prefs>");
        assertThat(fragment(send(alice, "g1", "type='get'", "<storage xmlns='storage:rosternotes'/>")).elements()).isEmpty();
        assertThat(fragment(send(alice, "g2", "type='get'", "<prefs xmlns='urn:test:prefs'/>")).childText("x", "urn:test:prefs"))
                .isEqualTo("1");
    }

    @Test
    void nobodyElseMayReadOrWrite() {
        send(alice, "s", "type='set'", NOTES);
        TestSession bob = harness.connect("bob", "b");
        assertThat(Stanzas.errorCondition(send(bob, "g", "type='get' to='alice@localhost'",
                "<storage xmlns='storage:rosternotes'/>"))).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(Stanzas.errorCondition(send(bob, "s", "type='set' to='alice@localhost'", NOTES)))
                .isEqualTo(StanzaErrorCondition.FORBIDDEN);
    }

    @Test
    void reservedNamespacesAndMissingChildAreNotAcceptable() {
        for (String content : new String[] {"", "<x xmlns='jabber:client'/>", "<x xmlns='jabber:server'/>",
                "<query xmlns='jabber:iq:private'/>"}) {
            assertThat(Stanzas.errorCondition(send(alice, "n", "type='set'", content)))
                    .as(content).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
            assertThat(Stanzas.errorCondition(send(alice, "n", "type='get'", content)))
                    .as(content).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        }
    }

    @Test
    void getAsksForOneFragmentAtATime() {
        Stanza reply = send(alice, "g", "type='get'", "<a xmlns='urn:a'/><b xmlns='urn:b'/>");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
    }
}
