package org.parley.server.auth;

import java.security.SecureRandom;
import java.util.Objects;

/** Derives {@link ScramCredentials} from a clear password, e.g. when a user is created. */
public final class ScramCredentialFactory {

    /** RFC 5802 and RFC 7677 ask for at least 4096 iterations. */
    public static final int MINIMUM_ITERATIONS = 4096;
    private static final int SALT_LENGTH = 16;

    private final SecureRandom random;
    private final int iterations;

    public ScramCredentialFactory(SecureRandom random, int iterations) {
        this.random = Objects.requireNonNull(random, "random");
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("iterations below " + MINIMUM_ITERATIONS);
        }
        this.iterations = iterations;
    }

    /**
     * Fresh salt, configured iteration count. CPU-heavy: run off the event loop.
     *
     * @throws IllegalArgumentException when the password is empty or not a valid OpaqueString
     */
    public ScramCredentials derive(String password, ScramHash hash) {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        return derive(password, hash, salt, iterations);
    }

    /** With a given salt and iteration count (imports, test vectors). */
    public static ScramCredentials derive(String password, ScramHash hash, byte[] salt,
                                          int iterations) {
        String prepared = PasswordPreparation.prepare(password);
        byte[] salted = hash.saltedPassword(prepared, salt, iterations);
        byte[] clientKey = hash.hmac(salted, "Client Key");
        byte[] serverKey = hash.hmac(salted, "Server Key");
        return new ScramCredentials(hash, salt, iterations, hash.digest(clientKey), serverKey);
    }
}
