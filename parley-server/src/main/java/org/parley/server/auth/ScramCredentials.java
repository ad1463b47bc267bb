package org.parley.server.auth;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a server stores per user and hash to verify SCRAM (RFC 5802 §3): never the password.
 * Arrays are copied in and out so instances stay immutable.
 */
public record ScramCredentials(ScramHash hash, byte[] salt, int iterations, byte[] storedKey,
                               byte[] serverKey) {

    public ScramCredentials {
        Objects.requireNonNull(hash, "hash");
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        if (salt.length == 0) {
            throw new IllegalArgumentException("empty salt");
        }
        if (storedKey.length != hash.length() || serverKey.length != hash.length()) {
            throw new IllegalArgumentException("key length does not match " + hash);
        }
        salt = salt.clone();
        storedKey = storedKey.clone();
        serverKey = serverKey.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] storedKey() {
        return storedKey.clone();
    }

    @Override
    public byte[] serverKey() {
        return serverKey.clone();
    }

    /**
     * Whether a clear password (as given to PLAIN) matches these keys. Costs one Hi() run, so
     * call it off the event loop. A password that OpaqueString rejects never matches.
     */
    public boolean verify(String password) {
        String prepared;
        try {
            prepared = PasswordPreparation.prepare(password);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] salted = hash.saltedPassword(prepared, salt, iterations);
        byte[] clientKey = hash.hmac(salted, "Client Key");
        return MessageDigest.isEqual(hash.digest(clientKey), storedKey);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScramCredentials other && hash == other.hash
                && iterations == other.iterations && Arrays.equals(salt, other.salt)
                && Arrays.equals(storedKey, other.storedKey)
                && Arrays.equals(serverKey, other.serverKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hash, iterations, Arrays.hashCode(salt), Arrays.hashCode(storedKey));
    }

    @Override
    public String toString() {
        // Keys stay out of logs.
        return "ScramCredentials[" + hash + ", i=" + iterations + "]";
    }
}
