package org.parley.server.blocking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.Test;

/** XEP-0191 §4 JID matching. */
class BlockListsTest {

    private static Jid jid(String s) throws Exception {
        return JidCreate.from(s);
    }

    @Test
    void matchesFullBareDomainResourceAndDomainWithSubdomains() throws Exception {
        assertThat(BlockLists.matches(Set.of("romeo@example.net/orchard"), jid("romeo@example.net/orchard"))).isTrue();
        assertThat(BlockLists.matches(Set.of("romeo@example.net/orchard"), jid("romeo@example.net/home"))).isFalse();
        assertThat(BlockLists.matches(Set.of("romeo@example.net/orchard"), jid("romeo@example.net"))).isFalse();

        assertThat(BlockLists.matches(Set.of("romeo@example.net"), jid("romeo@example.net/any"))).isTrue();
        assertThat(BlockLists.matches(Set.of("romeo@example.net"), jid("juliet@example.net"))).isFalse();

        assertThat(BlockLists.matches(Set.of("example.net/bot"), jid("example.net/bot"))).isTrue();
        assertThat(BlockLists.matches(Set.of("example.net/bot"), jid("romeo@example.net/bot"))).isTrue();
        assertThat(BlockLists.matches(Set.of("example.net/bot"), jid("example.net/other"))).isFalse();

        assertThat(BlockLists.matches(Set.of("example.net"), jid("romeo@example.net/x"))).isTrue();
        assertThat(BlockLists.matches(Set.of("example.net"), jid("muc.example.net"))).isTrue();
        assertThat(BlockLists.matches(Set.of("example.net"), jid("room@muc.example.net/nick"))).isTrue();
        assertThat(BlockLists.matches(Set.of("example.net"), jid("example.org"))).isFalse();
        assertThat(BlockLists.matches(Set.of("example.net"), jid("badexample.net"))).isFalse();
    }
}
