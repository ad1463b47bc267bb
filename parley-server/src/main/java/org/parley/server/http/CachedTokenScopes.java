package org.parley.server.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.parley.server.admin.TokenScope;

/**
 * The scopes of recently seen bearer tokens, so that a busy client (the Presence Web Service
 * takes thousands of phone changes a second) costs one token query per {@code ttl} rather than one
 * per request. Only tokens the store knows are remembered: an unknown token is looked up every
 * time (a new token works at once, and guessing cannot fill the cache).
 *
 * <p>Revocation: a token removed from the store (or given other scopes) is still honoured with
 * its old scopes for at most {@code ttl} after it was last looked up; past that the next request
 * looks it up again and gets 401 (or 403). The map is bounded: when full it is cleared, which only
 * costs a lookup per token again.
 */
final class CachedTokenScopes {

    /** How long a looked-up token's scopes are trusted: also how late a revocation may bite. */
    static final Duration TTL = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 1024;

    private record Entry(Set<TokenScope> scopes, long expiresAtMillis) {
    }

    private final Function<String, Optional<Set<TokenScope>>> lookup;
    private final long ttlMillis;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    /** {@code lookup}: the store's answer for a token (blocking; called on the request thread). */
    CachedTokenScopes(Function<String, Optional<Set<TokenScope>>> lookup, Duration ttl, Clock clock) {
        this.lookup = lookup;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** The token's scopes, or empty when the store does not know it. */
    Optional<Set<TokenScope>> scopes(String token) {
        long now = clock.millis();
        Entry e = entries.get(token);
        if (e != null && now < e.expiresAtMillis()) {
            return Optional.of(e.scopes());
        }
        Optional<Set<TokenScope>> found = lookup.apply(token);
        if (found.isPresent()) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(token, new Entry(Set.copyOf(found.get()), now + ttlMillis));
        } else if (e != null) {
            entries.remove(token, e);
        }
        return found;
    }
}
