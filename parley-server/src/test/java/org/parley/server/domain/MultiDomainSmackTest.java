package org.parley.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.filter.MessageWithBodiesFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;
import org.parley.server.ServerModules;

/** A user of a second served domain signs in (stream to that domain) and chats with a user of the default domain. */
class MultiDomainSmackTest {

    @Test
    void userOfSecondDomainChatsWithDefaultDomain() throws Exception {
        try (TestServer server = TestServer.builder().modules(new ServerModules(null).all()).start()) {
            DomainBareJid second = JidCreate.domainBareFrom("second.example");
            server.core().domains().addManaged(second);
            server.createUser("alice");
            server.createUser("carol@second.example", TestServer.password("carol"));
            assertThat(server.accounts().list().get(10, TimeUnit.SECONDS)).contains("alice", "carol@second.example");

            XMPPTCPConnection alice = server.signIn("alice", "desk");
            // The test certificate names only the default domain: Smack's name check is waived here.
            XMPPTCPConnection carol = server.connect(server.startTlsConfig("carol", "phone")
                    .setXmppDomain(second).setHostnameVerifier((host, session) -> true).build());
            assertThat(carol.getUser().toString()).isEqualTo("carol@second.example/phone");

            StanzaCollector atAlice = alice.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
            StanzaCollector atCarol = carol.createStanzaCollector(MessageWithBodiesFilter.INSTANCE);
            carol.sendStanza(MessageBuilder.buildMessage().to(alice.getUser())
                    .ofType(Message.Type.chat).setBody("hello from second").build());
            Message got = atAlice.<Message>nextResultOrThrow(10_000);
            assertThat(got.getBody()).isEqualTo("hello from second");
            assertThat(got.getFrom().toString()).isEqualTo("carol@second.example/phone");

            alice.sendStanza(MessageBuilder.buildMessage().to(carol.getUser())
                    .ofType(Message.Type.chat).setBody("hi carol").build());
            assertThat(atCarol.<Message>nextResultOrThrow(10_000).getBody()).isEqualTo("hi carol");

            // The second domain is a server of its own for its users: disco#info answers there.
            assertThat(ServiceDiscoveryManager.getInstanceFor(carol).discoverInfo(second).getIdentities()).isNotEmpty();
        }
    }

    @Test
    void streamToAnUnservedDomainIsRefusedAndRemovedDomainsStopServing() throws Exception {
        try (TestServer server = TestServer.builder().modules(new ServerModules(null).all()).start()) {
            DomainBareJid second = JidCreate.domainBareFrom("second.example");
            server.core().domains().addManaged(second);
            try (RawClient raw = server.raw()) {
                raw.send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                        + "xmlns:stream='http://etherx.jabber.org/streams' to='second.example' version='1.0'>");
                assertThat(raw.readUntil("</stream:features>")).contains("from='second.example'");
            }
            server.core().domains().removeManaged(second);
            try (RawClient raw = server.raw()) {
                raw.send("<?xml version='1.0'?><stream:stream xmlns='jabber:client' "
                        + "xmlns:stream='http://etherx.jabber.org/streams' to='second.example' version='1.0'>");
                assertThat(raw.readUntilClosed()).contains("host-unknown");
            }
        }
    }
}
