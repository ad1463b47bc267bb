package org.parley.server.testing;

import java.security.GeneralSecurityException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.security.auth.callback.CallbackHandler;
import org.jivesoftware.smack.SASLAuthentication;
import org.jivesoftware.smack.SmackException.SmackSaslException;
import org.jivesoftware.smack.sasl.SASLMechanism;

/**
 * SCRAM-SHA-256 and SCRAM-SHA-256-PLUS for Smack 4.4, which ships only SCRAM-SHA-1 (its SCRAM
 * base class hashes the client key with SHA-1 whatever the HMAC, so it cannot be extended).
 * Call {@link #register()} once; choose it with {@code addEnabledSaslMechanism(NAME)}.
 */
public final class SmackScramSha256 extends SASLMechanism {

    public static final String NAME = "SCRAM-SHA-256";
    public static final String PLUS_NAME = "SCRAM-SHA-256-PLUS";

    private final boolean plus;
    private ScramClient scram;
    private boolean verified;

    private SmackScramSha256(boolean plus) {
        this.plus = plus;
    }

    /** Registers both with Smack's process-wide mechanism registry, once. */
    public static synchronized void register() {
        if (!SASLAuthentication.isSaslMechanismRegistered(NAME)) {
            SASLAuthentication.registerSASLMechanism(new SmackScramSha256(false));
            SASLAuthentication.registerSASLMechanism(new SmackScramSha256(true));
        }
    }

    @Override
    protected void authenticateInternal(CallbackHandler cbh) {
        throw new UnsupportedOperationException("password authentication only");
    }

    @Override
    protected byte[] getAuthenticationText() throws SmackSaslException {
        try {
            scram = new ScramClient("SHA-256", authenticationId, password, plus ? sslSession : null);
        } catch (SSLPeerUnverifiedException | GeneralSecurityException e) {
            throw new SmackSaslException(e);
        }
        return scram.clientFirst();
    }

    @Override
    protected byte[] evaluateChallenge(byte[] challenge) throws SmackSaslException {
        if (challenge.length > 1 && challenge[0] == 'v' && challenge[1] == '=') {
            verified = scram.verifiesServerFinal(challenge);
            return null;
        }
        try {
            return scram.clientFinal(challenge);
        } catch (GeneralSecurityException e) {
            throw new SmackSaslException(e);
        }
    }

    @Override
    protected void checkIfSuccessfulOrThrow() throws SmackSaslException {
        if (!verified) {
            throw new SmackSaslException("the server did not prove it knows the password");
        }
    }

    @Override
    public String getName() {
        return plus ? PLUS_NAME : NAME;
    }

    /** Less preferred than Smack's own (lower is preferred), so default sign-ins are unchanged. */
    @Override
    public int getPriority() {
        return plus ? 300 : 310;
    }

    @Override
    protected SASLMechanism newInstance() {
        return new SmackScramSha256(plus);
    }
}
