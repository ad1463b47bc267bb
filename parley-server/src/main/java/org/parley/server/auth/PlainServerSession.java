package org.parley.server.auth;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Server side of PLAIN (RFC 4616): {@code [authzid] NUL authcid NUL passwd} in one message.
 * Offered only over TLS; the clear password goes to the {@link CredentialSource}.
 */
final class PlainServerSession implements SaslServerSession {

    private static final String REJECTED = "Invalid username or password";

    private final CredentialSource source;
    private final Identities identities;
    private boolean emptyInitialSeen;
    private boolean done;
    private volatile CompletionStage<Boolean> pending; // the password check, cancelled by abandon()

    PlainServerSession(CredentialSource source, Identities identities) {
        this.source = source;
        this.identities = identities;
    }

    @Override
    public CompletionStage<SaslStep> evaluate(byte[] clientData) {
        if (done) {
            return completed(SaslFailure.MALFORMED_REQUEST, "Exchange already finished");
        }
        if (clientData.length == 0 && !emptyInitialSeen) {
            emptyInitialSeen = true;
            return CompletableFuture.completedFuture(new SaslStep.Challenge(new byte[0]));
        }
        done = true;
        Optional<String> decoded = Utf8.decode(clientData);
        if (decoded.isEmpty()) {
            return completed(SaslFailure.MALFORMED_REQUEST, "Not UTF-8");
        }
        String[] parts = decoded.get().split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty() || parts[2].isEmpty()) {
            return completed(SaslFailure.MALFORMED_REQUEST,
                    "Expected [authzid] NUL authcid NUL password");
        }
        Optional<String> username = identities.username(parts[1]);
        if (username.isEmpty()) {
            return completed(SaslFailure.NOT_AUTHORIZED, REJECTED);
        }
        if (!parts[0].isEmpty() && !identities.mayActAs(username.get(), parts[0])) {
            return completed(SaslFailure.INVALID_AUTHZID, "Authzid must name the signing-in account");
        }
        CompletionStage<Boolean> verdict;
        try {
            verdict = source.verifyPassword(username.get(), parts[2]);
        } catch (RuntimeException e) {
            verdict = CompletableFuture.failedFuture(e);
        }
        pending = verdict;
        return verdict.handle((ok, error) -> {
            if (error != null || ok == null) {
                return new SaslStep.Failure(SaslFailure.TEMPORARY_AUTH_FAILURE,
                        "Credential store unavailable");
            }
            return ok ? new SaslStep.Success(new byte[0], username.get())
                    : new SaslStep.Failure(SaslFailure.NOT_AUTHORIZED, REJECTED);
        });
    }

    @Override
    public void abandon() {
        CompletionStage<Boolean> check = pending;
        if (check != null) {
            check.toCompletableFuture().cancel(false);
        }
    }

    private static CompletionStage<SaslStep> completed(SaslFailure condition, String text) {
        return CompletableFuture.completedFuture(new SaslStep.Failure(condition, text));
    }
}
