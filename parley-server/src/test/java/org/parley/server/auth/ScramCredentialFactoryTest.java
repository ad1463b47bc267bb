package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ScramCredentialFactoryTest {

    private final ScramCredentialFactory factory = new ScramCredentialFactory(new SecureRandom(), 4096);

    @Test
    void derivedCredentialsVerifyTheirPasswordOnly() {
        ScramCredentials credentials = factory.derive("pencil", ScramHash.SHA_256);
        assertThat(credentials.iterations()).isEqualTo(4096);
        assertThat(credentials.salt()).hasSize(16);
        assertThat(credentials.verify("pencil")).isTrue();
        assertThat(credentials.verify("Pencil")).isFalse();
        assertThat(credentials.verify("")).isFalse();
    }

    @Test
    void eachDerivationHasItsOwnSalt() {
        assertThat(factory.derive("pencil", ScramHash.SHA_1).salt())
                .isNotEqualTo(factory.derive("pencil", ScramHash.SHA_1).salt());
    }

    @Test
    void passwordIsPreparedWithOpaqueString() {
        // OpaqueString maps non-ASCII spaces to U+0020 and normalizes to NFC.
        ScramCredentials credentials = factory.derive("a\u00A0b\u0065\u0301", ScramHash.SHA_256);
        assertThat(credentials.verify("a b\u00E9")).isTrue();
        assertThatThrownBy(() -> factory.derive("", ScramHash.SHA_256))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsTooFewIterations() {
        assertThatThrownBy(() -> new ScramCredentialFactory(new SecureRandom(), 1000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void credentialsAreImmutable() {
        ScramCredentials credentials = factory.derive("pencil", ScramHash.SHA_256);
        credentials.storedKey()[0] ^= 1;
        credentials.salt()[0] ^= 1;
        assertThat(credentials.verify("pencil")).isTrue();
    }
}
