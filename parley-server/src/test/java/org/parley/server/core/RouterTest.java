package org.parley.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.storage.StorageException;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class RouterTest {

    private CoreHarness harness;

    @BeforeEach
    void start() {
        harness = CoreHarness.start(context -> {
            context.handlers().iq(IqScope.SERVER, "urn:test:echo",
                    iq -> CompletableFuture.completedFuture(Stanzas.result(iq, iq.element().elements().get(0))));
            context.handlers().iq(IqScope.SERVER, "urn:test:fail", iq -> {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED, "no");
            });
            context.handlers().iq(IqScope.SERVER, "urn:test:crash",
                    iq -> CompletableFuture.failedFuture(new IllegalStateException("boom")));
            context.handlers().iq(IqScope.SERVER, "urn:test:storage",
                    iq -> CompletableFuture.failedFuture(new StorageException("database away", null)));
        });
        harness.createUser("alice");
        harness.createUser("bob");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void unhandledIqGetsServiceUnavailable() {
        TestSession alice = harness.connect("alice", "a");
        alice.send("<iq type='get' id='1' to='localhost'><query xmlns='urn:nobody'/></iq>");
        Stanza reply = alice.expect(Stanza::isIq);
        assertThat(reply.type()).isEqualTo("error");
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat((Object) reply.to()).isEqualTo(alice.jid());
    }

    @Test
    void handlerResultIsRoutedBackAndErrorsAreBuiltOnce() {
        TestSession alice = harness.connect("alice", "a");
        alice.send("<iq type='get' id='e' to='localhost'><q xmlns='urn:test:echo'><x/></q></iq>");
        Stanza result = alice.expect(s -> "e".equals(s.id()));
        assertThat(result.type()).isEqualTo("result");
        assertThat(result.element().child("q", "urn:test:echo")).isPresent();

        alice.send("<iq type='set' id='f' to='localhost'><q xmlns='urn:test:fail'/></iq>");
        assertThat(Stanzas.errorCondition(alice.expect(s -> "f".equals(s.id()))))
                .isEqualTo(StanzaErrorCondition.NOT_ALLOWED);

        alice.send("<iq type='set' id='c' to='localhost'><q xmlns='urn:test:crash'/></iq>");
        assertThat(Stanzas.errorCondition(alice.expect(s -> "c".equals(s.id()))))
                .isEqualTo(StanzaErrorCondition.INTERNAL_SERVER_ERROR);
    }

    @Test
    void storageFailureIsATemporaryInternalServerError() {
        TestSession alice = harness.connect("alice", "a");
        alice.send("<iq type='set' id='s' to='localhost'><q xmlns='urn:test:storage'/></iq>");
        Stanza reply = alice.expect(s -> "s".equals(s.id()));
        assertThat(Stanzas.errorCondition(reply)).isEqualTo(StanzaErrorCondition.INTERNAL_SERVER_ERROR);
        assertThat(reply.element().child("error", "jabber:client").orElseThrow().attribute("type")).isEqualTo("wait");
    }

    @Test
    void iqWithTwoPayloadsIsBadRequest() {
        TestSession alice = harness.connect("alice", "a");
        alice.send("<iq type='get' id='2' to='localhost'><a xmlns='urn:test:echo'/><b xmlns='urn:test:echo'/></iq>");
        assertThat(Stanzas.errorCondition(alice.expect(Stanza::isIq))).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void fullJidDeliveryAndRemoteDomain() {
        TestSession alice = harness.connect("alice", "a");
        TestSession bob = harness.connect("bob", "b");
        alice.send("<message to='bob@localhost/b' type='chat'><body>hi</body></message>");
        Stanza got = bob.expect(Stanza::isMessage);
        assertThat((Object) got.from()).isEqualTo(alice.jid());
        assertThat(got.element().childText("body", "jabber:client")).isEqualTo("hi");

        alice.send("<message to='carol@elsewhere.example' type='chat'><body>hi</body></message>");
        assertThat(Stanzas.errorCondition(alice.expect(Stanza::isMessage)))
                .isEqualTo(StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND);
    }

    @Test
    void sameFullJidReplacesOldSessionWithConflict() {
        TestSession first = harness.connect("alice", "same");
        TestSession second = harness.connect("alice", "same");
        assertThat(first.closedWith()).isEqualTo(org.parley.xml.StreamErrorCondition.CONFLICT);
        assertThat(harness.core().hubs().session(second.jid())).isSameAs(second);
    }

    @Test
    void elementBuilderRoundTripsThroughStanza() {
        Stanza s = Stanza.of(Element.builder("message", "jabber:client").attribute("to", "bob@localhost")
                .textChild("body", "x").build());
        assertThat(s.toXml()).isEqualTo("<message to=\"bob@localhost\"><body>x</body></message>");
    }
}
