package org.parley.server.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

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
        return create(name, Set.of(TokenScope.ADMIN));
    }

    /** Creates a token with the given scopes (at least one) and returns it in clear, once. */
    public String create(String name, Set<TokenScope> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("A token name must have 1 to 255 characters");
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        store.add(hash(token), name, clock.instant(), TokenScope.join(scopes));
        return token;
    }

    /** Whether {@code token} is a token this server issued. */
    public boolean isValid(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return false;
        }
        return store.contains(hash(token));
    }

    /** The scopes of {@code token}, or empty when it is not a token this server issued. */
    public Optional<Set<TokenScope>> scopes(String token) {
        if (token == null || token.isEmpty() || token.length() > 512) {
            return Optional.empty();
        }
        return store.scopes(hash(token)).map(TokenScope::split);
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
