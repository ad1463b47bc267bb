package org.parley.server.auth;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * A credential source seen from one stream's domain: SASL mechanisms speak in localparts, the
 * accounts behind them are named per domain ({@link org.parley.server.account.AccountNames}).
 */
record DomainCredentials(CredentialSource source, UnaryOperator<String> accountOf) implements CredentialSource {

    @Override
    public CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash) {
        return source.scramCredentials(accountOf.apply(username), hash);
    }

    @Override
    public CompletionStage<Boolean> verifyPassword(String username, String password) {
        return source.verifyPassword(accountOf.apply(username), password);
    }

    @Override
    public boolean supportsScram() {
        return source.supportsScram();
    }
}
