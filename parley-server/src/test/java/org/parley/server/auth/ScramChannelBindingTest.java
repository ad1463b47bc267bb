package org.parley.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.auth.SaslTestSupport.challenge;
import static org.parley.server.auth.SaslTestSupport.step;
import static org.parley.server.auth.ScramExchangeTest.assertFailure;

import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SCRAM-*-PLUS and the GS2 channel-binding flag (RFC 5802 §6, §7). */
class ScramChannelBindingTest {

    private static final byte[] SERVER_CB = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final ChannelBinding BINDING =
            new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, SERVER_CB);
    private static final String P_HEADER = "p=tls-server-end-point,,";

    private final SaslMechanisms mechanisms = new SaslMechanisms(
            new InMemoryCredentialSource(true).add("juliet",
                    new ScramCredentialFactory(new SecureRandom(), 4096).derive("r0meo!", ScramHash.SHA_256)),
            Set.of(), () -> "srv", SaslTestSupport.DECOY_SECRET, 4096);

    @BeforeAll
    static void precis() {
        SaslTestSupport.usePrecis();
    }

    @Test
    void matchingBindingSucceeds() throws Exception {
        SaslStep last = run("SCRAM-SHA-256-PLUS", BINDING, P_HEADER, SERVER_CB);
        assertThat(last).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void bindingDataOfAnotherConnectionFails() throws Exception {
        SaslStep last = run("SCRAM-SHA-256-PLUS", BINDING, P_HEADER, new byte[] {9, 9, 9});
        assertFailure(last, SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void unsupportedBindingTypeFails() throws Exception {
        SaslServerSession session = mechanisms.start("SCRAM-SHA-256-PLUS", true, BINDING).orElseThrow();
        assertFailure(step(session, "p=tls-unique,,n=juliet,r=abc"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void plusMechanismWithoutBindingFlagIsMalformed() throws Exception {
        SaslServerSession session = mechanisms.start("SCRAM-SHA-256-PLUS", true, BINDING).orElseThrow();
        assertFailure(step(session, "n,,n=juliet,r=abc"), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void bindingFlagOnPlainScramIsMalformed() throws Exception {
        SaslServerSession session = mechanisms.start("SCRAM-SHA-256", true, BINDING).orElseThrow();
        assertFailure(step(session, P_HEADER + "n=juliet,r=abc"), SaslFailure.MALFORMED_REQUEST);
    }

    @Test
    void clientSayingYWhilePlusWasOfferedDetectsDowngrade() throws Exception {
        SaslServerSession session = mechanisms.start("SCRAM-SHA-256", true, BINDING).orElseThrow();
        assertFailure(step(session, "y,,n=juliet,r=abc"), SaslFailure.NOT_AUTHORIZED);
    }

    @Test
    void clientSayingYWhenNoPlusWasOfferedSucceeds() throws Exception {
        SaslStep last = run("SCRAM-SHA-256", null, "y,,", new byte[0]);
        assertThat(last).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void clientWithoutBindingSupportSucceedsEvenWhenPlusOffered() throws Exception {
        SaslStep last = run("SCRAM-SHA-256", BINDING, "n,,", new byte[0]);
        assertThat(last).isInstanceOf(SaslStep.Success.class);
    }

    @Test
    void headerInCbindMustMatchTheFirstMessage() throws Exception {
        // Client first says "n", then claims "y" in c=: the downgrade check must not be bypassed.
        SaslServerSession session = mechanisms.start("SCRAM-SHA-256", true, BINDING).orElseThrow();
        ScramTestClient first = ScramTestClient.plain(ScramHash.SHA_256, "juliet", "r0meo!", "abc");
        ScramTestClient lying = new ScramTestClient(ScramHash.SHA_256, "juliet", "r0meo!", "abc",
                "y,,", new byte[0]);
        byte[] serverFirst = challenge(step(session, first.clientFirst()));
        assertFailure(step(session, lying.clientFinal(serverFirst)), SaslFailure.NOT_AUTHORIZED);
    }

    private SaslStep run(String mechanism, ChannelBinding binding, String header, byte[] clientCb)
            throws Exception {
        SaslServerSession session = mechanisms.start(mechanism, true, binding).orElseThrow();
        ScramTestClient client = new ScramTestClient(ScramHash.SHA_256, "juliet", "r0meo!", "abc",
                header, clientCb);
        return step(session, client.clientFinal(challenge(step(session, client.clientFirst()))));
    }
}
