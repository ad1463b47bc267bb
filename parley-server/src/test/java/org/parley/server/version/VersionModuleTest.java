package org.parley.server.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class VersionModuleTest {

    @Test
    void buildVersionComesFromTheFilteredPomVersion() {
        // Maven filtered the resource: it names the project version, not the placeholder.
        assertThat(ParleyVersion.ofThisBuild().version()).isNotEqualTo(ParleyVersion.UNKNOWN).doesNotContain("${")
                .matches("\\d+\\.\\d+.*");
    }

    @Test
    void answersNameAndVersionWithoutOsByDefault() {
        try (CoreHarness harness = CoreHarness.start(new VersionModule(new ParleyVersion("9.8.7")))) {
            harness.createUser("alice");
            TestSession alice = harness.connect("alice", "a");
            alice.send("<iq type='get' id='v' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
            Element query = alice.expect(s -> "v".equals(s.id())).element().child("query", Namespaces.VERSION).orElseThrow();
            assertThat(query.childText("name", Namespaces.VERSION)).isEqualTo("Parley");
            assertThat(query.childText("version", Namespaces.VERSION)).isEqualTo("9.8.7");
            assertThat(query.child("os", Namespaces.VERSION)).isEmpty();
            assertThat(harness.core().features().serverFeatures()).contains(Namespaces.VERSION);

            alice.send("<iq type='set' id='s' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
            assertThat(Stanzas.errorCondition(alice.expect(s -> "s".equals(s.id()))))
                    .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        }
    }

    @Test
    void osShownWhenTheOperatorAsks() {
        try (CoreHarness harness = CoreHarness.start(List.of("version.showOs=true"), new VersionModule())) {
            harness.createUser("alice");
            TestSession alice = harness.connect("alice", "a");
            alice.send("<iq type='get' id='v' to='localhost'><query xmlns='jabber:iq:version'/></iq>");
            Stanza reply = alice.expect(s -> "v".equals(s.id()));
            assertThat(reply.element().child("query", Namespaces.VERSION).orElseThrow().childText("os", Namespaces.VERSION))
                    .startsWith(System.getProperty("os.name"));
        }
    }
}
