package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/** XEP-0077 registration on a stream to another served domain creates the user in that domain. */
class RegistrationInDomainsTest {

    private static final String REGISTER = "xmlns='jabber:iq:register'";

    private static String header(String domain) {
        return "<?xml version='1.0'?><stream:stream to='" + domain
                + "' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>";
    }

    @Test
    void registersInTheStreamsDomainOnly() throws Exception {
        try (TestServer server = TestServer.builder().set("registration.inBand=true").start()) {
            server.core().domains().addManaged(JidCreate.domainBareFrom("second.example"));
            try (RawClient c = server.raw()) {
                c.send(header("second.example"));
                c.readUntil("</stream:features>");
                c.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                c.readUntil("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
                c.upgradeToTls();
                c.send(header("second.example"));
                assertThat(c.readUntil("</stream:features>")).contains("from='second.example'")
                        .contains("iq-register");
                c.send("<iq type='set' id='r1'><query " + REGISTER + "><username>erin</username>"
                        + "<password>" + TestServer.password("erin") + "</password></query></iq>");
                assertThat(c.readUntilAny("/>", "</iq>")).contains("type=\"result\"").contains("id=\"r1\"");
                // The stream names the domain: a username may not name another one.
                c.send("<iq type='set' id='r2'><query " + REGISTER + "><username>frank@localhost</username>"
                        + "<password>x</password></query></iq>");
                assertThat(c.readUntil("</iq>")).contains("id=\"r2\"").contains("<not-acceptable");
            }
            assertThat(server.accounts().list().get(10, TimeUnit.SECONDS))
                    .contains("erin@second.example").doesNotContain("erin", "frank@localhost", "frank");

            // The test certificate names only the default domain: Smack's name check is waived here.
            XMPPTCPConnection erin = server.connect(server.startTlsConfig("erin", "phone")
                    .setXmppDomain("second.example").setHostnameVerifier((host, session) -> true).build());
            assertThat(erin.getUser().toString()).isEqualTo("erin@second.example/phone");
        }
    }
}
