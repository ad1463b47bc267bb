package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SaslMechanismsTest {

    private static final ChannelBinding BINDING =
            new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, new byte[32]);

    private final SaslMechanisms scram =
            new SaslMechanisms(new InMemoryCredentialSource(true), new SecureRandom());
    private final SaslMechanisms ldapLike =
            new SaslMechanisms(new InMemoryCredentialSource(false), new SecureRandom());

    @Test
    void offersChannelBoundScramFirstThenScramThenPlainOverTls() {
        assertThat(scram.offered(true, BINDING)).containsExactly("SCRAM-SHA-256-PLUS",
                "SCRAM-SHA-1-PLUS", "SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
        assertThat(scram.offered(true, null)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN");
    }

    @Test
    void neverOffersPlainOrPlusWithoutTls() {
        assertThat(scram.offered(false, null)).containsExactly("SCRAM-SHA-256", "SCRAM-SHA-1");
        assertThat(scram.start("PLAIN", false, null)).isEmpty();
        assertThat(scram.start("SCRAM-SHA-256-PLUS", true, null)).isEmpty();
    }

    @Test
    void sourceWithoutScramOffersOnlyPlain() {
        assertThat(ldapLike.offered(true, BINDING)).containsExactly("PLAIN");
        assertThat(ldapLike.start("SCRAM-SHA-1", true, BINDING)).isEmpty();
        assertThat(ldapLike.start("PLAIN", true, BINDING)).isPresent();
    }

    @Test
    void unknownMechanismHasNoSession() {
        assertThat(scram.start("DIGEST-MD5", true, BINDING)).isEmpty();
        assertThat(scram.start("scram-sha-1", true, BINDING)).isEmpty();
    }

    @Test
    void failureElementNamesFollowRfc6120() {
        assertThat(SaslFailure.TEMPORARY_AUTH_FAILURE.elementName()).isEqualTo("temporary-auth-failure");
        assertThat(SaslFailure.NOT_AUTHORIZED.elementName()).isEqualTo("not-authorized");
    }
}
