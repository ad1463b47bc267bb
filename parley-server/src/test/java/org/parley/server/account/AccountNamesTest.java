package org.parley.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyCore;

class AccountNamesTest {

    static {
        ParleyCore.usePrecis();
    }

    private final AccountNames names = new AccountNames(JidCreate.domainBareFromOrThrowUnchecked("example.com"));

    @Test
    void defaultDomainUsersKeepTheirLocalpartOthersTheirBareJid() throws Exception {
        assertThat(names.of(JidCreate.entityBareFrom("alice@example.com"))).isEqualTo("alice");
        assertThat(names.of(JidCreate.entityBareFrom("jsmith@cisco-sales.com"))).isEqualTo("jsmith@cisco-sales.com");
        assertThat((Object) names.jid("alice")).isEqualTo(JidCreate.entityBareFrom("alice@example.com"));
        assertThat((Object) names.jid("jsmith@cisco-sales.com")).isEqualTo(JidCreate.entityBareFrom("jsmith@cisco-sales.com"));
        assertThat((Object) names.domainOf("jsmith@cisco-sales.com")).isEqualTo(JidCreate.domainBareFrom("cisco-sales.com"));
    }

    @Test
    void typedNamesAreNormalizedAndTheDefaultDomainCollapses() {
        assertThat(names.normalize("Alice")).isEqualTo("alice");
        assertThat(names.normalize("Alice@Example.COM")).isEqualTo("alice");
        assertThat(names.normalize("JSmith@Cisco-Sales.com")).isEqualTo("jsmith@cisco-sales.com");
        assertThatThrownBy(() -> names.normalize("a b")).isInstanceOf(InvalidAccountException.class);
        assertThatThrownBy(() -> names.normalize("")).isInstanceOf(InvalidAccountException.class);
    }
}
