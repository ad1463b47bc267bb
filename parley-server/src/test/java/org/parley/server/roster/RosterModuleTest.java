package org.parley.server.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.presence.PresenceModule;
import org.parley.server.testing.CoreHarness;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

class RosterModuleTest {

    private CoreHarness harness;

    @BeforeEach
    void start() {
        RosterModule roster = new RosterModule();
        harness = CoreHarness.start(roster, new PresenceModule(roster));
        harness.createUser("alice");
        harness.createUser("bob");
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    static Stanza iq(TestSession s, String id, String xml) {
        s.send(xml);
        return s.expect(r -> r.isIq() && id.equals(r.id()));
    }

    static Element query(Stanza result) {
        return result.element().child("query", Namespaces.ROSTER).orElseThrow();
    }

    static boolean isPush(Stanza s) {
        return s.isIq() && "set".equals(s.type()) && s.element().child("query", Namespaces.ROSTER).isPresent();
    }

    @Test
    void setGetPushAndRemove() {
        TestSession a1 = harness.connect("alice", "one");
        TestSession a2 = harness.connect("alice", "two");
        TestSession a3 = harness.connect("alice", "three"); // never asks for the roster: no pushes
        assertThat(query(iq(a1, "g1", "<iq type='get' id='g1'><query xmlns='jabber:iq:roster'/></iq>")).elements())
                .isEmpty();
        iq(a2, "g2", "<iq type='get' id='g2'><query xmlns='jabber:iq:roster'/></iq>");

        Stanza set = iq(a1, "s1", "<iq type='set' id='s1'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost' name='Bob' subscription='both' approved='true'>"
                + "<group>Friends</group><group>Work</group></item></query></iq>");
        assertThat(set.type()).isEqualTo("result");
        for (TestSession s : new TestSession[] {a1, a2}) {
            Stanza push = s.expect(RosterModuleTest::isPush);
            Element item = query(push).elements().get(0);
            assertThat(query(push).attribute("ver")).isNotBlank();
            assertThat(item.attribute("jid")).isEqualTo("bob@localhost");
            assertThat(item.attribute("name")).isEqualTo("Bob");
            // The client may not set subscription state: both and approved are ignored.
            assertThat(item.attribute("subscription")).isEqualTo("none");
            assertThat(item.attribute("approved")).isNull();
            assertThat(item.children("group", Namespaces.ROSTER)).extracting(Element::text)
                    .containsExactly("Friends", "Work");
        }
        a3.expectNothing(RosterModuleTest::isPush, Duration.ofMillis(200));

        Element roster = query(iq(a2, "g3", "<iq type='get' id='g3'><query xmlns='jabber:iq:roster'/></iq>"));
        assertThat(roster.elements()).hasSize(1);

        assertThat(iq(a1, "r1", "<iq type='set' id='r1'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost' subscription='remove'/></query></iq>").type()).isEqualTo("result");
        Stanza removal = a2.expect(s -> isPush(s) && "remove".equals(query(s).elements().get(0).attribute("subscription")));
        assertThat(query(removal).elements().get(0).attribute("jid")).isEqualTo("bob@localhost");

        Stanza again = iq(a1, "r2", "<iq type='set' id='r2'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost' subscription='remove'/></query></iq>");
        assertThat(Stanzas.errorCondition(again)).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @Test
    void versioningAnswersEmptyWhenCurrent() {
        TestSession a = harness.connect("alice", "one");
        Element first = query(iq(a, "g1", "<iq type='get' id='g1'><query xmlns='jabber:iq:roster' ver=''/></iq>"));
        String ver = first.attribute("ver");
        assertThat(ver).isNotNull();

        Stanza same = iq(a, "g2", "<iq type='get' id='g2'><query xmlns='jabber:iq:roster' ver='" + ver + "'/></iq>");
        assertThat(same.type()).isEqualTo("result");
        assertThat(same.element().elements()).isEmpty();

        iq(a, "s", "<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='carol@localhost'/></query></iq>");
        String pushed = query(a.expect(RosterModuleTest::isPush)).attribute("ver");
        assertThat(pushed).isNotEqualTo(ver);

        Element stale = query(iq(a, "g3", "<iq type='get' id='g3'><query xmlns='jabber:iq:roster' ver='" + ver + "'/></iq>"));
        assertThat(stale.attribute("ver")).isEqualTo(pushed);
        assertThat(stale.elements()).hasSize(1);
    }

    @Test
    void rosterSurvivesSignOut() {
        TestSession a = harness.connect("alice", "one");
        iq(a, "s", "<iq type='set' id='s'><query xmlns='jabber:iq:roster'><item jid='carol@localhost' name='C'/></query></iq>");
        a.disconnect();
        TestSession again = harness.connect("alice", "two");
        Element roster = query(iq(again, "g", "<iq type='get' id='g'><query xmlns='jabber:iq:roster'/></iq>"));
        assertThat(roster.elements()).extracting(e -> e.attribute("name")).containsExactly("C");
    }

    @Test
    void othersMayNotReadOrChangeARoster() {
        TestSession bob = harness.connect("bob", "b");
        Stanza get = iq(bob, "g", "<iq type='get' id='g' to='alice@localhost'><query xmlns='jabber:iq:roster'/></iq>");
        assertThat(Stanzas.errorCondition(get)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        Stanza set = iq(bob, "s", "<iq type='set' id='s' to='alice@localhost'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost'/></query></iq>");
        assertThat(Stanzas.errorCondition(set)).isEqualTo(StanzaErrorCondition.FORBIDDEN);
    }

    @Test
    void invalidSetsAreRefused() {
        TestSession a = harness.connect("alice", "one");
        assertThat(Stanzas.errorCondition(iq(a, "1", "<iq type='set' id='1'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost'/><item jid='carol@localhost'/></query></iq>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(Stanzas.errorCondition(iq(a, "2", "<iq type='set' id='2'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bad@@jid'/></query></iq>")))
                .isEqualTo(StanzaErrorCondition.JID_MALFORMED);
        assertThat(Stanzas.errorCondition(iq(a, "3", "<iq type='set' id='3'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost' name='" + "n".repeat(RosterSet.MAX_NAME_LENGTH + 1) + "'/></query></iq>")))
                .isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        assertThat(Stanzas.errorCondition(iq(a, "4", "<iq type='set' id='4'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost'><group>G</group><group>G</group></item></query></iq>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(Stanzas.errorCondition(iq(a, "5", "<iq type='set' id='5'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost'><group></group></item></query></iq>")))
                .isEqualTo(StanzaErrorCondition.NOT_ACCEPTABLE);
        assertThat(Stanzas.errorCondition(iq(a, "6", "<iq type='get' id='6'><query xmlns='jabber:iq:roster'>"
                + "<item jid='bob@localhost'/></query></iq>")))
                .isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void advertisesVersioningAndPreApproval() {
        assertThat(harness.core().features().streamFeatures()).extracting(Element::namespace)
                .contains(Namespaces.ROSTER_VERSIONING, Namespaces.PRE_APPROVAL);
    }
}
