package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.auth.SaslTestSupport.step;
import static org.parley.server.auth.ScramExchangeTest.assertFailure;

import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class PlainServerSessionTest {

    private final InMemoryCredentialSource source = new InMemoryCredentialSource(true).add("juliet",
            new ScramCredentialFactory(new SecureRandom(), 4096).derive("r0meo!", ScramHash.SHA_256));
    private final SaslMechanisms mechanisms;

    PlainServerSessionTest() throws Exception {
        mechanisms = new SaslMechanisms(source, new SecureRandom(),
                Set.of(JidCreate.domainBareFrom("example.org")));
    }

    @BeforeAll
    static void precis() {
        SaslTestSupport.usePrecis();
    }

    private SaslServerSession start() {
        return mechanisms.start("PLAIN", true, null).orElseThrow();
    }

    @Test
    void correctPasswordSucceeds() throws Exception {
        assertThat(step(start(), "\0Juliet\0r0meo!")).isInstanceOfSatisfying(SaslStep.Success.class, s -> {
            assertThat(s.username()).isEqualTo("juliet");
            assertThat(s.additionalData()).isEmpty();
        });
    }

    @Test
    void authzidOfTheSameAccountIsAccepted() throws Exception {
        assertThat(step(start(), "juliet@example.org\0juliet\0r0meo!")).isInstanceOf(SaslStep.Success.class);
        assertThat(step(start(), "juliet\0juliet\0r0meo!")).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void authzidOfAnotherAccountIsInvalid() throws Exception {
        assertFailure(step(start(), "romeo\0juliet\0r0meo!"), SaslFailure.INVALID_AUTHZID);
    }

    @Test
    void wrongPasswordAndUnknownUserAreNotAuthorized() throws Exception {
        assertFailure(step(start(), "\0juliet\0wrong"), SaslFailure.NOT_AUTHORIZED);
        assertFailure(step(start(), "\0nobody\0r0meo!"), SaslFailure.NOT_AUTHORIZED);
        assertFailure(step(start(), "\0bad user@\0r0meo!"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void missingPartsOrExtraNulsAreMalformed() throws Exception {
        assertFailure(step(start(), "\0juliet\0"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(), "\0\0r0meo!"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(), "juliet\0r0meo!"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(), "\0juliet\0r0meo!\0"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(), new byte[] {0, 'a', 0, (byte) 0xc3}), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void emptyInitialResponseGetsEmptyChallengeOnce() throws Exception {
        SaslServerSession session = start();
        assertThat(SaslTestSupport.challenge(step(session, new byte[0]))).isEmpty();
        assertThat(step(session, "\0juliet\0r0meo!")).isInstanceOf(SaslStep.Success.class);

        SaslServerSession twice = start();
        step(twice, new byte[0]);
        assertFailure(step(twice, new byte[0]), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void storageFailureIsTemporary() throws Exception {
        source.breakDown();
        assertFailure(step(start(), "\0juliet\0r0meo!"), SaslFailure.TEMPORARY_AUTH_FAILURE);
    }
}
