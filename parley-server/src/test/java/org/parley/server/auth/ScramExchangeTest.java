package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.auth.SaslTestSupport.challenge;
import static org.parley.server.auth.SaslTestSupport.step;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jxmpp.jid.impl.JidCreate;

class ScramExchangeTest {

    private static final ScramCredentialFactory FACTORY =
            new ScramCredentialFactory(new SecureRandom(), 4096);

    private final InMemoryCredentialSource source = new InMemoryCredentialSource(true)
            .add("juliet", FACTORY.derive("r0meo!", ScramHash.SHA_1))
            .add("juliet", FACTORY.derive("r0meo!", ScramHash.SHA_256));
    private final AtomicInteger nonceCounter = new AtomicInteger();
    private final SaslMechanisms mechanisms;

    ScramExchangeTest() throws Exception {
        mechanisms = new SaslMechanisms(source, Set.of(JidCreate.domainBareFrom("example.org")),
                () -> "srv" + nonceCounter.incrementAndGet(), SaslTestSupport.DECOY_SECRET, 4096);
    }

    @BeforeAll
    static void precis() {
        SaslTestSupport.usePrecis();
    }

    private SaslServerSession start(ScramHash hash) {
        return mechanisms.start(hash.mechanismName(), false, null).orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ScramHash.class)
    void correctPasswordSucceedsAndServerProvesItself(ScramHash hash) throws Exception {
        SaslServerSession session = start(hash);
        ScramTestClient client = ScramTestClient.plain(hash, "juliet", "r0meo!", "abc");

        byte[] serverFirst = challenge(step(session, client.clientFirst()));
        SaslStep last = step(session, client.clientFinal(serverFirst));

        assertThat(last).isInstanceOfSatisfying(SaslStep.Success.class, success -> {
            assertThat(success.username()).isEqualTo("juliet");
            assertThat(client.verifiesServerFinal(success.additionalData())).isTrue();
        });
    }

    @Test
    void usernameIsNormalizedByPrecis() throws Exception {
        SaslServerSession session = start(ScramHash.SHA_256);
        ScramTestClient client = ScramTestClient.plain(ScramHash.SHA_256, "JULIET", "r0meo!", "abc");
        SaslStep last = step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
        assertThat(last).isInstanceOfSatisfying(SaslStep.Success.class,
                success -> assertThat(success.username()).isEqualTo("juliet"));
    }

    @Test
    void emptyInitialResponseGetsEmptyChallengeThenProceeds() throws Exception {
        SaslServerSession session = start(ScramHash.SHA_256);
        assertThat(challenge(step(session, new byte[0]))).isEmpty();
        ScramTestClient client = ScramTestClient.plain(ScramHash.SHA_256, "juliet", "r0meo!", "abc");
        SaslStep last = step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
        assertThat(last).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void wrongPasswordIsNotAuthorized() throws Exception {
        SaslServerSession session = start(ScramHash.SHA_256);
        ScramTestClient client = ScramTestClient.plain(ScramHash.SHA_256, "juliet", "wrong", "abc");
        SaslStep last = step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
        assertFailure(last, SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void unknownUserGetsAStableDecoyChallengeThenNotAuthorized() throws Exception {
        String first = exchangeFirst("nobody");
        String second = exchangeFirst("nobody");
        String known = exchangeFirst("juliet");
        // Same shape as for a real user, and the same salt every time.
        assertThat(first).matches("r=abcsrv\\d+,s=[A-Za-z0-9+/=]{24},i=4096");
        assertThat(known).matches("r=abcsrv\\d+,s=[A-Za-z0-9+/=]{24},i=4096");
        assertThat(salt(first)).isEqualTo(salt(second));
        assertThat(salt(exchangeFirst("somebody-else"))).isNotEqualTo(salt(first));

        SaslServerSession session = start(ScramHash.SHA_256);
        ScramTestClient client = ScramTestClient.plain(ScramHash.SHA_256, "nobody", "r0meo!", "abc");
        SaslStep last = step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
        assertFailure(last, SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void invalidLocalpartIsNotAuthorized() throws Exception {
        assertFailure(step(start(ScramHash.SHA_256), "n,,n=ju liet@x,r=abc"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void authzidNamingAnotherUserIsRejected() throws Exception {
        assertFailure(step(start(ScramHash.SHA_256), "n,a=romeo,n=juliet,r=abc"),
                SaslFailure.INVALID_AUTHZID);
        assertFailure(step(start(ScramHash.SHA_256), "n,a=juliet@other.example,n=juliet,r=abc"),
                SaslFailure.INVALID_AUTHZID);
    }

    @Test
    void authzidNamingTheSameAccountIsAccepted() throws Exception {
        for (String authzid : new String[] {"juliet", "juliet@example.org"}) {
            SaslServerSession session = start(ScramHash.SHA_256);
            ScramTestClient client = new ScramTestClient(ScramHash.SHA_256, "juliet", "r0meo!",
                    "abc", "n,a=" + authzid + ",", new byte[0]);
            SaslStep last = step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
            assertThat(last).isInstanceOf(SaslStep.Success.class);
        }
    }

    @Test
    void storageFailureIsTemporary() throws Exception {
        source.breakDown();
        assertFailure(step(start(ScramHash.SHA_256), "n,,n=juliet,r=abc"),
                SaslFailure.TEMPORARY_AUTH_FAILURE);
    }

    @Test
    void nonceMismatchIsNotAuthorized() throws Exception {
        SaslServerSession session = start(ScramHash.SHA_256);
        step(session, "n,,n=juliet,r=abc");
        assertFailure(step(session, "c=biws,r=abcOTHER,p=AAAA"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void malformedMessagesAreRejected() throws Exception {
        assertFailure(step(start(ScramHash.SHA_1), "x,,n=juliet,r=abc"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(ScramHash.SHA_1), "n,,m=ext,n=juliet,r=abc"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(ScramHash.SHA_1), "n,,r=abc,n=juliet"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(ScramHash.SHA_1), "n,,n=ju=41liet,r=abc"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(start(ScramHash.SHA_1), new byte[] {'n', ',', ',', (byte) 0xff}),
                SaslFailure.MALFORMED_REQUEST);

        SaslServerSession session = start(ScramHash.SHA_1);
        step(session, "n,,n=juliet,r=abc");
        assertFailure(step(session, "r=abcsrv1,c=biws,p=AAAA"), SaslFailure.MALFORMED_REQUEST);
        assertFailure(step(session, "anything"), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void noFurtherStepsAfterSuccess() throws Exception {
        SaslServerSession session = start(ScramHash.SHA_1);
        ScramTestClient client = ScramTestClient.plain(ScramHash.SHA_1, "juliet", "r0meo!", "abc");
        step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
        assertFailure(step(session, "again"), SaslFailure.MALFORMED_REQUEST);
    }

    private String exchangeFirst(String user) throws Exception {
        return new String(challenge(step(start(ScramHash.SHA_256), "n,,n=" + user + ",r=abc")),
                StandardCharsets.UTF_8);
    }

    private static String salt(String serverFirst) {
        return serverFirst.split(",")[1];
    }

    static void assertFailure(SaslStep step, SaslFailure condition) {
        assertThat(step).isInstanceOfSatisfying(SaslStep.Failure.class,
                failure -> assertThat(failure.condition()).isEqualTo(condition));
    }
}
