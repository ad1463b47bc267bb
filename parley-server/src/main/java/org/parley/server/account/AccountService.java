package org.parley.server.account;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.auth.CredentialSource;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.auth.ScramCredentials;
import org.parley.server.auth.ScramHash;
import org.parley.server.core.Domains;
import org.parley.server.core.EventBus;
import org.parley.server.core.event.UserDeleted;
import org.parley.server.storage.BlockingPool;

/**
 * Accounts kept in Parley's own database: what the admin API, the CLI and in-band registration
 * change, and where SASL finds SCRAM keys. Passwords are never stored: only the salted keys for
 * each SCRAM hash, derived on the blocking pool because PBKDF2 is deliberately slow.
 */
public final class AccountService implements Accounts, CredentialSource {

    private final AccountStore store;
    private final BlockingPool blocking;
    private final ScramCredentialFactory credentialFactory;
    private final EventBus events;
    private final Domains domains;
    private final AccountNames names;
    private final Clock clock;

    public AccountService(AccountStore store, BlockingPool blocking, ScramCredentialFactory credentialFactory,
                          EventBus events, Domains domains, Clock clock) {
        this.store = store;
        this.blocking = blocking;
        this.credentialFactory = credentialFactory;
        this.events = events;
        this.domains = domains;
        this.names = domains.names();
        this.clock = clock;
    }

    /**
     * The PRECIS-normalised form of a username someone typed: a localpart (a user of the default
     * domain) or {@code user@domain} (a user of another served domain, see {@link AccountNames}).
     */
    public static String normalize(String username) {
        if (username == null || username.isEmpty()) {
            throw new InvalidAccountException("The username is empty");
        }
        try {
            return username.indexOf('@') < 0
                    ? Localpart.from(username).toString()
                    : JidCreate.entityBareFrom(username).asEntityBareJidString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new InvalidAccountException("Not a valid username: " + username);
        }
    }

    private List<ScramCredentials> derive(String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidAccountException("The password is empty");
        }
        try {
            return List.of(credentialFactory.derive(password, ScramHash.SHA_1),
                    credentialFactory.derive(password, ScramHash.SHA_256));
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountException("The password contains characters that are not allowed");
        }
    }

    @Override
    public CompletableFuture<Boolean> exists(String username) {
        return blocking.supply(() -> store.exists(names.normalize(username)));
    }

    @Override
    public CompletableFuture<Boolean> create(String username, String password) {
        return blocking.supply(() -> {
            String name = names.normalize(username);
            if (!domains.isLocal(names.domainOf(name))) {
                throw new InvalidAccountException("This server does not serve the domain of " + username
                        + " (add it with: parley domain add)");
            }
            return store.create(name, derive(password), clock.instant());
        });
    }

    @Override
    public CompletableFuture<Boolean> changePassword(String username, String password) {
        return blocking.supply(() -> store.replaceCredentials(names.normalize(username), derive(password)));
    }

    @Override
    public CompletableFuture<Boolean> delete(String username) {
        return blocking.supply(() -> {
            String name = names.normalize(username);
            boolean deleted = store.delete(name);
            if (deleted) {
                events.publish(new UserDeleted(names.jid(name)));
            }
            return deleted;
        });
    }

    @Override
    public CompletableFuture<List<String>> list() {
        return blocking.supply(store::list);
    }

    @Override
    public CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash) {
        return blocking.supply(() -> store.credentials(username, hash));
    }

    @Override
    public CompletionStage<Boolean> verifyPassword(String username, String password) {
        return blocking.supply(() -> store.credentials(username, ScramHash.SHA_256)
                .map(c -> c.verify(password))
                .orElse(false));
    }

    @Override
    public boolean supportsScram() {
        return true;
    }
}
