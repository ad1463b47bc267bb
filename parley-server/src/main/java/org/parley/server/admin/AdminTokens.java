package org.parley.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer tokens for the admin API. A token is 256 random bits, shown once to whoever created it;
 * the database keeps only its SHA-256 hash, so a leaked database or backup grants no access.
 * Methods block on the database: call them from a Jetty thread, the CLI, or the blocking pool.
 */
public final class AdminTokens {

    private static final int TOKEN_BYTES = 32;

    private final AdminTokenStore store;
    private final SecureRandom random;
    private final Clock clock;

    public AdminTokens(AdminTokenStore store, SecureRandom random, Clock clock) {
        this.store = store;
        this.random = random;
        this.clock = clock;
    }

    /** Creates a token named {@code name} (a label for operators) and returns it in clear, once. */
    public String create(String name) {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("A token name must have 1 to 255 characters");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.add(hash(token), name, clock.instant());
        return token;
    }

    /** Whether {@code token} is a token this server issued. */
    public boolean isValid(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return false;
        }
        return store.contains(hash(token));
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes: the form kept in the database. */
    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-256", e);
        }
    }
}
