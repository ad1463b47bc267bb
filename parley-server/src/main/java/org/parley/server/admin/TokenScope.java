package org.parley.server.admin;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do. {@code admin} is everything (and what every token created before
 * scopes existed has); the presence scopes let a third-party application or a dashboard use the
 * Presence Web Service without being able to manage users or tokens.
 */
public enum TokenScope {
    ADMIN("admin"),
    PRESENCE_READ("presence:read"),
    PRESENCE_WRITE("presence:write");

    private final String value;

    TokenScope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<TokenScope> parse(String value) {
        for (TokenScope s : values()) {
            if (s.value.equals(value)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a token with {@code granted} may do what needs {@code required}. */
    public static boolean allows(Set<TokenScope> granted, TokenScope required) {
        return granted.contains(ADMIN) || granted.contains(required);
    }

    /** The stored form: space-separated values. */
    static String join(Set<TokenScope> scopes) {
        return scopes.stream().map(TokenScope::value).sorted().collect(Collectors.joining(" "));
    }

    /** Reads the stored form; unknown names (from a newer version) are ignored. */
    static Set<TokenScope> split(String stored) {
        Set<TokenScope> out = EnumSet.noneOf(TokenScope.class);
        for (String s : stored.trim().split("\\s+")) {
            parse(s).ifPresent(out::add);
        }
        return out;
    }
}
