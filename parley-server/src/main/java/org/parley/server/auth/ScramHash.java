package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The hash functions SCRAM is defined for, with the primitives RFC 5802 §2.2 builds on. */
public enum ScramHash {
    SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1"),
    SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256");

    private final String mechanismName;
    private final String hmacAlgorithm;
    private final String digestAlgorithm;
    /**
     * Never used itself, only cloned: Mac.getInstance searches the provider list on every call,
     * which was 1.5 % of the server's CPU per sign-in (four HMACs each). Initialised once so that
     * the provider is chosen before the first clone; clones are re-initialised with their key.
     */
    private final Mac prototype;

    ScramHash(String mechanismName, String hmacAlgorithm, String digestAlgorithm) {
        this.mechanismName = mechanismName;
        this.hmacAlgorithm = hmacAlgorithm;
        this.digestAlgorithm = digestAlgorithm;
        try {
            prototype = Mac.getInstance(hmacAlgorithm);
            prototype.init(new SecretKeySpec(new byte[] {0}, hmacAlgorithm));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
        }
    }

    /** The SASL mechanism name without channel binding, e.g. {@code SCRAM-SHA-256}. */
    public String mechanismName() {
        return mechanismName;
    }

    /** The SASL mechanism name with channel binding, e.g. {@code SCRAM-SHA-256-PLUS}. */
    public String plusMechanismName() {
        return mechanismName + "-PLUS";
    }

    public String hmacAlgorithm() {
        return hmacAlgorithm;
    }

    public String digestAlgorithm() {
        return digestAlgorithm;
    }

    /** HMAC(key, data). */
    public byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = newMac();
            mac.init(new SecretKeySpec(key, hmacAlgorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // Both algorithms are mandatory in every Java platform.
            throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
        }
    }

    public byte[] hmac(byte[] key, String data) {
        return hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() throws GeneralSecurityException {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return Mac.getInstance(hmacAlgorithm); // a provider whose HMAC cannot be cloned
        }
    }

    /** H(data). */
    public byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance(digestAlgorithm).digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(digestAlgorithm + " unavailable", e);
        }
    }

    /** Output length of H and HMAC in bytes. */
    public int length() {
        return this == SHA_1 ? 20 : 32;
    }

    /**
     * Hi(str, salt, i) of RFC 5802 §2.2 (PBKDF2 with HMAC as PRF and one output block), applied
     * to an already prepared password.
     */
    public byte[] saltedPassword(String preparedPassword, byte[] salt, int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        try {
            Mac mac = newMac();
            byte[] password = preparedPassword.getBytes(StandardCharsets.UTF_8);
            // An empty HMAC key is legal but SecretKeySpec refuses it; never reached because
            // OpaqueString rejects empty passwords.
            mac.init(new SecretKeySpec(password, hmacAlgorithm));
            mac.update(salt);
            byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
            byte[] result = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = mac.doFinal(u);
                for (int j = 0; j < result.length; j++) {
                    result[j] ^= u[j];
                }
            }
            return result;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(hmacAlgorithm + " unavailable", e);
        }
    }
}
