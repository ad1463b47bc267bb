package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.Test;

class LdapFixtureTest {

    @Test
    void servesGeneratedAdShapedUsersWhoCanBind() throws Exception {
        Accounts accounts = new Accounts("user%d", 1, "pw");
        try (LdapFixture fixture = LdapFixture.start(LdapFixture.Settings.defaults(0, 25, accounts));
             LDAPConnection c = new LDAPConnection("127.0.0.1", fixture.port())) {
            LdapFixture.Settings s = fixture.settings();
            c.bind(s.serviceDn(), s.servicePassword());
            SearchResult all = c.search(s.baseDn(), SearchScope.SUB, "(objectClass=person)", "sAMAccountName");
            assertThat(all.getEntryCount()).isEqualTo(25);

            SearchResultEntry user3 = c.searchForEntry(s.baseDn(), SearchScope.SUB, "(sAMAccountName=user3)",
                    "mail", "displayName", "telephoneNumber", "department");
            assertThat(user3.getAttributeValue("mail")).isEqualTo("user3@bench.test");
            assertThat(user3.getAttributeValue("displayName")).isEqualTo("Bench User 3");
            assertThat(user3.getAttributeValue("telephoneNumber")).startsWith("+1 555 ");
            assertThat(user3.getAttributeValue("department")).startsWith("Department ");

            c.bind(user3.getDN(), "pw");
            assertThatThrownBy(() -> c.bind(user3.getDN(), "wrong"))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
        }
    }

    @Test
    void parleySettingsPointAtTheFixture() throws Exception {
        try (LdapFixture fixture = LdapFixture.start(LdapFixture.Settings.defaults(0, 1,
                new Accounts("u%d", 1, "pw")))) {
            assertThat(fixture.parleySettings(true)).contains("ldap.servers=ldap://127.0.0.1:" + fixture.port(),
                    "ldap.baseDn=dc=bench,dc=test", "ldap.auth=true");
        }
    }
}
