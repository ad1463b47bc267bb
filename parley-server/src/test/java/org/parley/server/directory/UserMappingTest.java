package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.Entry;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyCore;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;

/** Which account a directory entry becomes under each address scheme. */
class UserMappingTest {

    static {
        ParleyCore.usePrecis();
    }

    private static ParleyConfig.Ldap.Mapping mapping(String directoryUri) {
        return new ParleyConfig.Ldap.Mapping("sAMAccountName", "displayName", "mail", "telephoneNumber", "department",
                directoryUri, "");
    }

    private static UserMapping directoryUri(String attribute) {
        return new UserMapping(mapping(attribute), AddressScheme.DIRECTORY_URI,
                JidCreate.domainBareFromOrThrowUnchecked("corp.example"));
    }

    private static Entry entry(String... attributes) {
        Entry e = new Entry("cn=x,dc=corp,dc=test");
        for (int i = 0; i < attributes.length; i += 2) {
            e.addAttribute(attributes[i], attributes[i + 1]);
        }
        return e;
    }

    @Test
    void useridSchemeNamesAccountsByTheUserId() {
        DirectoryUser u = new UserMapping(mapping("mail")).map(entry("sAMAccountName", "JDoe", "mail", "jd@sales.example"));
        assertThat(u.account()).isEqualTo("jdoe").isEqualTo(u.userId());
    }

    @Test
    void directoryUriSchemeNamesAccountsByTheUriInItsDomain() {
        UserMapping sip = directoryUri("msRTCSIP-PrimaryUserAddress");
        DirectoryUser other = sip.map(entry("sAMAccountName", "jdoe", "msRTCSIP-PrimaryUserAddress", "sip:J.Doe@Sales.Example"));
        assertThat(other.account()).isEqualTo("j.doe@sales.example");
        assertThat(other.userId()).isEqualTo("jdoe");
        // A URI in the default domain is a user of that domain, named by localpart as ever.
        assertThat(sip.map(entry("msRTCSIP-PrimaryUserAddress", "SIP:ann@corp.example")).account()).isEqualTo("ann");
        // No URI, or one that is no JID: no address under this scheme.
        assertThat(sip.map(entry("sAMAccountName", "nouri")).account()).isNull();
        assertThat(directoryUri("mail").map(entry("mail", "not a jid@@")).account()).isNull();
        assertThat(sip.accountFilter("j.doe@sales.example").toString())
                .isEqualTo("(|(msRTCSIP-PrimaryUserAddress=j.doe@sales.example)"
                        + "(msRTCSIP-PrimaryUserAddress=sip:j.doe@sales.example))");
    }

    @Test
    void directoryUriSchemeNeedsTheMapping() {
        assertThatThrownBy(() -> directoryUri("")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("ldap.mapping.directoryUri");
        assertThatThrownBy(() -> AddressScheme.parse("email")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("userid or directoryUri");
        assertThat(AddressScheme.parse("DirectoryURI")).isEqualTo(AddressScheme.DIRECTORY_URI);
    }
}
