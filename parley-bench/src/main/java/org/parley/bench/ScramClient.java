package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client side of one SCRAM exchange (RFC 5802, RFC 7677), without channel binding ("n,,").
 *
 * <p>One instance per authentication attempt: {@link #clientFirst()}, then
 * {@link #clientFinal(String)} with the server-first message, then {@link #verifyServerFinal(String)}.
 * Usernames and passwords are used as given (the bench's are ASCII, so SASLprep is the identity).
 */
public final class ScramClient {

    private final SaslMechanism mechanism;
    private final String user;
    private final String password;
    private final String clientNonce;
    private final SaltedPasswordCache cache;
    private String clientFirstBare;
    private byte[] expectedServerSignature;

    public ScramClient(SaslMechanism mechanism, String user, String password, String clientNonce, SaltedPasswordCache cache) {
        if (!mechanism.isScram()) {
            throw new IllegalArgumentException(mechanism + " is not SCRAM");
        }
        this.mechanism = mechanism;
        this.user = user;
        this.password = password;
        this.clientNonce = clientNonce;
        this.cache = cache;
    }

    public String clientFirst() {
        clientFirstBare = "n=" + escape(user) + ",r=" + clientNonce;
        return "n,," + clientFirstBare;
    }

    /** Computes client-final-message from server-first-message; throws if the server misbehaves. */
    public String clientFinal(String serverFirst) throws SaslException {
        String nonce = attribute(serverFirst, 'r');
        String saltB64 = attribute(serverFirst, 's');
        String iter = attribute(serverFirst, 'i');
        if (nonce == null || saltB64 == null || iter == null) {
            throw new SaslException("malformed server-first-message: " + serverFirst);
        }
        if (!nonce.startsWith(clientNonce) || nonce.length() == clientNonce.length()) {
            throw new SaslException("server nonce does not extend the client nonce");
        }
        int iterations = Integer.parseInt(iter);
        byte[] salt = Base64.getDecoder().decode(saltB64);
        byte[] salted = cache.get(mechanism, user, password, salt, iterations,
                () -> hi(password.getBytes(StandardCharsets.UTF_8), salt, iterations));
        String withoutProof = "c=biws,r=" + nonce;
        String authMessage = clientFirstBare + "," + serverFirst + "," + withoutProof;
        byte[] clientKey = hmac(salted, "Client Key".getBytes(StandardCharsets.US_ASCII));
        byte[] storedKey = digest(clientKey);
        byte[] clientSignature = hmac(storedKey, authMessage.getBytes(StandardCharsets.UTF_8));
        byte[] proof = new byte[clientKey.length];
        for (int i = 0; i < proof.length; i++) {
            proof[i] = (byte) (clientKey[i] ^ clientSignature[i]);
        }
        byte[] serverKey = hmac(salted, "Server Key".getBytes(StandardCharsets.US_ASCII));
        expectedServerSignature = hmac(serverKey, authMessage.getBytes(StandardCharsets.UTF_8));
        return withoutProof + ",p=" + Base64.getEncoder().encodeToString(proof);
    }

    /** Checks the server's signature so that a run never counts a server that did not know the password. */
    public void verifyServerFinal(String serverFinal) throws SaslException {
        String error = attribute(serverFinal, 'e');
        if (error != null) {
            throw new SaslException("server-final error: " + error);
        }
        String v = attribute(serverFinal, 'v');
        if (v == null || expectedServerSignature == null
                || !MessageDigest.isEqual(Base64.getDecoder().decode(v), expectedServerSignature)) {
            throw new SaslException("server signature mismatch");
        }
    }

    /** Hi() of RFC 5802 §2.2, i.e. PBKDF2 with the mechanism's HMAC and one output block. */
    private byte[] hi(byte[] str, byte[] salt, int iterations) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(str, mechanism.hmacAlgorithm()));
            mac.update(salt);
            mac.update(new byte[] {0, 0, 0, 1});
            byte[] u = mac.doFinal();
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(mechanism.hmacAlgorithm());
            mac.init(new SecretKeySpec(key, mechanism.hmacAlgorithm()));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(mechanism.digestAlgorithm()).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String attribute(String message, char name) {
        for (String part : message.split(",")) {
            if (part.length() >= 2 && part.charAt(0) == name && part.charAt(1) == '=') {
                return part.substring(2);
            }
        }
        return null;
    }

    /** saslname escaping of RFC 5802 §5.1. */
    static String escape(String user) {
        return user.replace("=", "=3D").replace(",", "=2C");
    }

    /** A SASL exchange that cannot go on. */
    public static final class SaslException extends Exception {
        public SaslException(String message) {
            super(message);
        }
    }
}
