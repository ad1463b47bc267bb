package org.parley.server.auth;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** A real, map-backed {@link CredentialSource} for tests; can be switched to fail like a dead DB. */
final class InMemoryCredentialSource implements CredentialSource {

    private final Map<String, Map<ScramHash, ScramCredentials>> users = new ConcurrentHashMap<>();
    private final boolean scram;
    private volatile boolean broken;

    InMemoryCredentialSource(boolean scram) {
        this.scram = scram;
    }

    InMemoryCredentialSource add(String username, ScramCredentials credentials) {
        users.computeIfAbsent(username, u -> new ConcurrentHashMap<>())
                .put(credentials.hash(), credentials);
        return this;
    }

    void breakDown() {
        broken = true;
    }

    @Override
    public CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash) {
        if (broken) {
            return CompletableFuture.failedFuture(new IllegalStateException("database down"));
        }
        return CompletableFuture.supplyAsync(
                () -> Optional.ofNullable(users.getOrDefault(username, Map.of()).get(hash)));
    }

    @Override
    public CompletionStage<Boolean> verifyPassword(String username, String password) {
        return scramCredentials(username, ScramHash.SHA_256)
                .thenApply(found -> found.map(c -> c.verify(password)).orElse(false));
    }

    @Override
    public boolean supportsScram() {
        return scram;
    }
}
