package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

class JidCacheTest {

    @Test
    void givesTheSameJidAsJxmppAndReusesIt() throws Exception {
        JidCache cache = new JidCache(64);
        assertThat((Object) cache.parse("Alice@Example.COM/desk")).isEqualTo(JidCreate.from("alice@example.com/desk"));
        assertThat((Object) cache.parse("alice@example.com/desk")).isSameAs(cache.parse("alice@example.com/desk"));
    }

    @Test
    void collidingAddressesAreEachParsedCorrectly() throws Exception {
        JidCache cache = new JidCache(16); // more addresses than slots: every lookup must still be right
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 200; i++) {
                assertThat(cache.parse("user" + i + "@localhost/r").toString()).isEqualTo("user" + i + "@localhost/r");
            }
        }
    }

    @Test
    void aMalformedAddressFailsEveryTime() {
        JidCache cache = new JidCache(16);
        assertThatThrownBy(() -> cache.parse("@example.com")).isInstanceOf(XmppStringprepException.class);
        assertThatThrownBy(() -> cache.parse("@example.com")).isInstanceOf(XmppStringprepException.class);
    }

    @Test
    void stanzasParsedThroughTheCacheCarryTheSameAddresses() throws Exception {
        JidCache cache = new JidCache(16);
        Element e = Element.builder("message", "jabber:client").attribute("to", "bob@localhost/b").build();
        assertThat((Object) Stanza.parse(e, cache).to()).isEqualTo(Stanza.parse(e).to());
    }
}
