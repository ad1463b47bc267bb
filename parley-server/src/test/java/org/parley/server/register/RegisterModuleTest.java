package org.parley.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
import org.parley.xml.StreamErrorCondition;

/** Signed-in registration with {@code registration.inBand} at its default, false. */
class RegisterModuleTest {

    private CoreHarness harness;
    private TestSession alice;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(new RegisterModule());
        harness.createUser("alice");
        harness.createUser("bob");
        alice = harness.connect("alice", "a");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    private static Stanza send(TestSession s, String id, String attrs, String content) {
        s.send("<iq id='" + id + "' " + attrs + "><query xmlns='jabber:iq:register'>" + content + "</query></iq>");
        return s.expect(x -> id.equals(x.id()));
    }

    @Test
    void getShowsTheAccountAsRegistered() {
        Stanza reply = send(alice, "g", "type='get' to='localhost'", "");
        Element query = reply.element().child("query", Namespaces.REGISTER).orElseThrow();
        assertThat(query.child("registered", Namespaces.REGISTER)).isPresent();
        assertThat(query.childText("username", Namespaces.REGISTER)).isEqualTo("alice");
        assertThat(query.childText("password", Namespaces.REGISTER)).isEmpty();
    }

    @Test
    void changesOwnPasswordEvenWithInBandRegistrationOff() {
        assertThat(harness.core().config().registration().inBand()).isFalse();
        Stanza reply = send(alice, "p", "type='set' to='localhost'", "<username>Alice</username><password>n3w-pass</password>");
        assertThat(reply.type()).isEqualTo("result");
        assertThat(harness.accounts().verifyPassword("alice", "n3w-pass").toCompletableFuture().join()).isTrue();
        assertThat(harness.accounts().verifyPassword("alice", "secret-alice").toCompletableFuture().join()).isFalse();
    }

    @Test
    void mayNotChangeSomeoneElsesPassword() {
        Stanza reply = send(alice, "p", "type='set'", "<username>bob</username><password>x</password>");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
        assertThat(harness.accounts().verifyPassword("bob", "secret-bob").toCompletableFuture().join()).isTrue();
    }

    @Test
    void incompleteRequestIsBadRequest() {
        assertThat(Stanzas.errorCondition(send(alice, "p1", "type='set'", "<username>alice</username>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(Stanzas.errorCondition(send(alice, "p2", "type='set'", "<remove/><username>alice</username>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void queryToAnotherUsersBareJidIsNotHandled() {
        Stanza reply = send(alice, "o", "type='set' to='bob@localhost'", "<remove/>");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(harness.accounts().exists("bob").join()).isTrue();
    }

    @Test
    void cancelAnswersThenDeletesTheAccountAndEndsItsSessions() {
        TestSession second = harness.connect("alice", "b");
        alice.send("<iq id='r' type='set'><query xmlns='jabber:iq:register'><remove/></query></iq>");
        assertThat(alice.expect(x -> "r".equals(x.id())).type()).isEqualTo("result");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(second::isClosed);
        assertThat(second.closedWith()).isEqualTo(StreamErrorCondition.NOT_AUTHORIZED);
        assertThat(harness.accounts().exists("alice").join()).isFalse();
        assertThat(harness.accounts().exists("bob").join()).isTrue();
    }
}
