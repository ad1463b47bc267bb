package org.parley.server.vcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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

class VCardModuleTest {

    private static final String VCARD = "<vCard xmlns='vcard-temp'><FN>Alice Liddell</FN>"
            + "<N><FAMILY>Liddell</FAMILY><GIVEN>Alice</GIVEN></N><NICKNAME>al &amp; co</NICKNAME></vCard>";

    private CoreHarness harness;
    private TestSession alice;
    private TestSession bob;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(List.of("vcard.maxBytes=300"), new VCardModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
        bob = harness.connect("bob", "b");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Stanza send(TestSession s, String id, String attrs, String payload) {
        s.send("<iq id='" + id + "' " + attrs + ">" + payload + "</iq>");
        return s.expect(x -> id.equals(x.id()));
    }

    private static Element vcard(Stanza reply) {
        assertThat(reply.type()).isEqualTo("result");
        return reply.element().child("vCard", Namespaces.VCARD).orElseThrow();
    }

    @Test
    void ownerStoresAndEveryoneReads() {
        assertThat(send(alice, "s", "type='set'", VCARD).type()).isEqualTo("result");

        Element own = vcard(send(alice, "g1", "type='get'", "<vCard xmlns='vcard-temp'/>"));
        assertThat(own.childText("FN", Namespaces.VCARD)).isEqualTo("Alice Liddell");
        assertThat(own.childText("NICKNAME", Namespaces.VCARD)).isEqualTo("al & co");
        assertThat(own.child("N", Namespaces.VCARD).orElseThrow().childText("GIVEN", Namespaces.VCARD)).isEqualTo("Alice");

        Stanza other = send(bob, "g2", "type='get' to='alice@localhost'", "<vCard xmlns='vcard-temp'/>");
        assertThat((Object) other.from()).hasToString("alice@localhost");
        assertThat(vcard(other)).isEqualTo(own);
    }

    @Test
    void setReplacesTheWholeVCard() {
        send(alice, "s1", "type='set' to='alice@localhost'", VCARD);
        send(alice, "s2", "type='set'", "<vCard xmlns='vcard-temp'><FN>Al</FN></vCard>");
        Element got = vcard(send(alice, "g", "type='get'", "<vCard xmlns='vcard-temp'/>"));
        assertThat(got.elements()).hasSize(1);
        assertThat(got.childText("FN", Namespaces.VCARD)).isEqualTo("Al");
    }

    @Test
    void userWithoutVCardHasAnEmptyOne() {
        assertThat(vcard(send(alice, "g1", "type='get'", "<vCard xmlns='vcard-temp'/>")).elements()).isEmpty();
        assertThat(vcard(send(bob, "g2", "type='get' to='alice@localhost'", "<vCard xmlns='vcard-temp'/>")).elements())
                .isEmpty();
    }

    @Test
    void missingUserIsServiceUnavailable() {
        Stanza reply = send(bob, "g", "type='get' to='nobody@localhost'", "<vCard xmlns='vcard-temp'/>");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
    }

    @Test
    void nobodyElseMaySet() {
        Stanza reply = send(bob, "s", "type='set' to='alice@localhost'", VCARD);
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(vcard(send(alice, "g", "type='get'", "<vCard xmlns='vcard-temp'/>")).elements()).isEmpty();
    }

    @Test
    void oversizedVCardIsRefusedAndTheOldOneKept() {
        send(alice, "s1", "type='set'", VCARD);
        String big = "<vCard xmlns='vcard-temp'><DESC>" + "x".repeat(400) + "</DESC></vCard>";
        Stanza reply = send(alice, "s2", "type='set'", big);
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        assertThat(vcard(send(alice, "g", "type='get'", "<vCard xmlns='vcard-temp'/>")).childText("FN", Namespaces.VCARD))
                .isEqualTo("Alice Liddell");
    }

    @Test
    void wrongElementIsBadRequest() {
        Stanza reply = send(alice, "b", "type='get'", "<card xmlns='vcard-temp'/>");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void advertisedOnServerAndAccounts() {
        assertThat(harness.core().features().serverFeatures()).contains(Namespaces.VCARD);
        assertThat(harness.core().features().accountFeatures()).contains(Namespaces.VCARD);
    }
}
