package org.parley.server.richpresence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.richpresence.RichPresenceFixture.jid;
import static org.parley.server.richpresence.RichPresenceFixture.shows;
import static org.parley.server.richpresence.RichPresenceFixture.subscribe;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.adhoc.AdHocModule;
import org.parley.server.testing.TestSession;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/** Manual presence through the XEP-0050 ad-hoc command, as a client with ad-hoc support uses it. */
class ManualPresenceCommandTest {

    private static final String CMD = AdHocModule.NAMESPACE;
    private static final String NODE = "urn:parley:presence:manual:0";

    private RichPresenceFixture f;
    private TestSession alice;
    private TestSession bob;

    @BeforeEach
    void start() {
        f = new RichPresenceFixture();
        f.harness.createUser("alice");
        f.harness.createUser("bob");
        alice = f.signIn("alice", "desk", "<presence/>");
        bob = f.signIn("bob", "b", "<presence/>");
        subscribe(bob, alice);
        bob.expect(shows("alice@localhost/desk", null, null));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theCommandIsListedAndSetsAndClearsManualPresence() {
        alice.send("<iq type='get' id='d1' to='localhost'><query xmlns='http://jabber.org/protocol/disco#items' node='"
                + CMD + "'/></iq>");
        Stanza items = reply(alice, "d1");
        Element item = items.element().child("query", Namespaces.DISCO_ITEMS).orElseThrow().elements().get(0);
        assertThat(item.attribute("node")).isEqualTo(NODE);
        assertThat(item.attribute("jid")).isEqualTo("localhost");

        alice.send("<iq type='get' id='d2' to='localhost'><query xmlns='http://jabber.org/protocol/disco#info' node='"
                + NODE + "'/></iq>");
        assertThat(reply(alice, "d2").element().toXml()).contains("command-node").contains("jabber:x:data");

        alice.send("<iq type='set' id='c1' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' action='execute'/></iq>");
        Element first = command(reply(alice, "c1"));
        assertThat(first.attribute("status")).isEqualTo("executing");
        assertThat(first.child("actions", CMD).orElseThrow().attribute("execute")).isEqualTo("complete");
        assertThat(first.child("x", Namespaces.DATA_FORMS).orElseThrow().toXml()).contains("var=\"show\"");
        String session = first.attribute("sessionid");

        alice.send("<iq type='set' id='c2' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' sessionid='" + session + "' action='complete'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='show'><value>dnd</value></field><field var='status'><value>Do not call</value></field>"
                + "</x></command></iq>");
        assertThat(command(reply(alice, "c2")).attribute("status")).isEqualTo("completed");
        bob.expect(shows("alice@localhost/desk", "dnd", "Do not call"));
        assertThat(f.service().inputs(jid("alice")).manual().setBy().toString()).isEqualTo("desk");

        // The same session is gone once completed.
        alice.send("<iq type='set' id='c3' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' sessionid='" + session + "' action='complete'/></iq>");
        assertThat(reply(alice, "c3").element().toXml()).contains("bad-request").contains("bad-sessionid");

        String clear = execute();
        alice.send("<iq type='set' id='c4' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' sessionid='" + clear + "'><x xmlns='jabber:x:data' type='submit'>"
                + "<field var='show'><value>clear</value></field></x></command></iq>");
        assertThat(command(reply(alice, "c4")).attribute("status")).isEqualTo("completed");
        bob.expect(shows("alice@localhost/desk", null, null));
    }

    @Test
    void cancelUnknownNodesAndForeignSessions() {
        String session = execute();
        TestSession other = f.signIn("alice", "laptop", "<presence/>");
        other.send("<iq type='set' id='x1' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' sessionid='" + session + "' action='complete'/></iq>");
        assertThat(reply(other, "x1").type()).isEqualTo("error");

        alice.send("<iq type='set' id='x2' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' sessionid='" + session + "' action='cancel'/></iq>");
        assertThat(command(reply(alice, "x2")).attribute("status")).isEqualTo("canceled");
        assertThat(f.adHoc.openSessions()).isZero();

        alice.send("<iq type='set' id='x3' to='localhost'><command xmlns='" + CMD + "' node='nope'/></iq>");
        assertThat(reply(alice, "x3").element().toXml()).contains("item-not-found");
        alice.send("<iq type='set' id='x4' to='localhost'><command xmlns='" + CMD + "' node='" + NODE
                + "' action='dance'/></iq>");
        assertThat(reply(alice, "x4").element().toXml()).contains("malformed-action");
        assertThat(f.service().inputs(jid("alice")).manual()).isNull();
    }

    private String execute() {
        alice.send("<iq type='set' id='e' to='localhost'><command xmlns='" + CMD + "' node='" + NODE + "'/></iq>");
        return command(reply(alice, "e")).attribute("sessionid");
    }

    private static Stanza reply(TestSession s, String id) {
        return s.expect(r -> r.isIq() && id.equals(r.id()));
    }

    private static Element command(Stanza iq) {
        assertThat(iq.type()).as(iq.element().toXml()).isEqualTo("result");
        return iq.element().child("command", CMD).orElseThrow();
    }
}
