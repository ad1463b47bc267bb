package org.parley.bench;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * SaltedPassword = Hi(password, salt, i) per (mechanism, user, password, salt, iterations).
 *
 * <p>PBKDF2 is deliberately expensive; a generator that paid it on every sign-in would measure
 * itself. The server keeps the same salt for a user, so the warm-up run pays once per user and the
 * measured runs only compute HMACs. Shared by all event-loop threads, hence the concurrent map.
 */
public final class SaltedPasswordCache {

    private record Key(SaslMechanism mechanism, String user, String password, String salt, int iterations) {
    }

    private final Map<Key, byte[]> cache = new ConcurrentHashMap<>();

    byte[] get(SaslMechanism mechanism, String user, String password, byte[] salt, int iterations,
               Supplier<byte[]> compute) {
        Key key = new Key(mechanism, user, password, Base64.getEncoder().encodeToString(salt), iterations);
        // computeIfAbsent would hold a bin lock during PBKDF2; a rare double computation is cheaper.
        byte[] v = cache.get(key);
        if (v == null) {
            v = compute.get();
            cache.put(key, v);
        }
        return Arrays.copyOf(v, v.length);
    }

    public int size() {
        return cache.size();
    }
}
