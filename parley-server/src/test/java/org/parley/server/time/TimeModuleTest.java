package org.parley.server.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class TimeModuleTest {

    @Test
    void formatsUtcAndOffsetPerXep0082() {
        Instant at = Instant.parse("2006-12-19T17:58:35.123456Z");
        Element t = TimeModule.time(Clock.fixed(at, ZoneId.of("America/Denver")));
        assertThat(t.childText("tzo", Namespaces.TIME)).isEqualTo("-07:00");
        assertThat(t.childText("utc", Namespaces.TIME)).isEqualTo("2006-12-19T17:58:35.123Z");
        assertThat(TimeModule.time(Clock.fixed(at, ZoneId.of("UTC"))).childText("tzo", Namespaces.TIME)).isEqualTo("+00:00");
    }

    @Test
    void serverAnswersTimeQueries() {
        try (CoreHarness harness = CoreHarness.start(new TimeModule())) {
            harness.createUser("alice");
            TestSession alice = harness.connect("alice", "a");
            alice.send("<iq type='get' id='t' to='localhost'><time xmlns='urn:xmpp:time'/></iq>");
            Element time = alice.expect(s -> "t".equals(s.id())).element().child("time", Namespaces.TIME).orElseThrow();
            Instant utc = Instant.parse(time.childText("utc", Namespaces.TIME));
            assertThat(utc).isBeforeOrEqualTo(Instant.now());
            assertThat(time.childText("tzo", Namespaces.TIME)).matches("[+-]\\d\\d:\\d\\d");
            assertThat(harness.core().features().serverFeatures()).contains(Namespaces.TIME);

            alice.send("<iq type='set' id='s' to='localhost'><time xmlns='urn:xmpp:time'/></iq>");
            assertThat(Stanzas.errorCondition(alice.expect(s -> "s".equals(s.id()))))
                    .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        }
    }
}
