package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Stand-in credentials for users that do not exist. The salt is derived from a server secret
 * and the username, so asking twice for the same unknown user returns the same salt, as it
 * would for a real one; without the secret nobody can tell it from a random salt.
 */
final class DecoyCredentials {

    private static final int SALT_LENGTH = 16;

    private final byte[] secret;
    private final int iterations;

    DecoyCredentials(byte[] secret, int iterations) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("decoy secret shorter than 16 bytes");
        }
        this.secret = secret.clone();
        this.iterations = iterations;
    }

    ScramCredentials forUser(String username, ScramHash hash) {
        byte[] salt = Arrays.copyOf(derive("salt", hash, username), SALT_LENGTH);
        byte[] keys = derive("keys", hash, username);
        byte[] storedKey = Arrays.copyOf(hash.hmac(keys, "stored"), hash.length());
        byte[] serverKey = Arrays.copyOf(hash.hmac(keys, "server"), hash.length());
        return new ScramCredentials(hash, salt, iterations, storedKey, serverKey);
    }

    private byte[] derive(String purpose, ScramHash hash, String username) {
        String input = purpose + '\0' + hash.name() + '\0' + username;
        return ScramHash.SHA_256.hmac(secret, input.getBytes(StandardCharsets.UTF_8));
    }
}
