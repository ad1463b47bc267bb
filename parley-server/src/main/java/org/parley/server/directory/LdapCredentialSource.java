package org.parley.server.directory;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.server.auth.CredentialSource;
import org.parley.server.auth.ScramCredentials;
import org.parley.server.auth.ScramHash;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in against the directory ({@code ldap.auth: true}): the user's entry is found by the
 * mapped user ID with the service account, then the password is checked by binding as that
 * entry. Parley stores no password. SCRAM needs stored keys, so only PLAIN is offered
 * ({@link #supportsScram()} is false and SaslMechanisms leaves SCRAM out).
 *
 * <p>Outcomes: a directory that cannot answer fails the stage (the client gets
 * temporary-auth-failure, never a false success); a user deactivated in Parley is refused
 * before the directory is asked; a directory user Parley has not synced yet is created at their
 * first successful sign-in. Users the directory does not know fall back to {@code local} (the
 * accounts made by the admin, which keep their SCRAM keys), when one is given. Usernames are
 * account names under the address scheme (see {@link DirectoryUser#account()}).
 *
 * <p>Checks wait in a bounded {@link SignInQueue} ({@code ldap.maxQueuedSignIns}): a full queue
 * fails at once (temporary-auth-failure), and a check cancelled while it waits (the client gave
 * up, see {@code SaslServerSession.abandon}) never reaches the directory.
 */
public final class LdapCredentialSource implements CredentialSource, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LdapCredentialSource.class);

    private final LdapDirectory directory;
    private final DirectoryStore store;
    private final VCards vcards;
    private final SignInQueue queue;
    private final Clock clock;
    private final CredentialSource local;

    /**
     * @param local checks users the directory does not hold (source local), or null for none
     */
    public LdapCredentialSource(LdapDirectory directory, DirectoryStore store, VCards vcards, Clock clock,
                                CredentialSource local) {
        this.directory = directory;
        this.store = store;
        this.vcards = vcards;
        this.queue = new SignInQueue(directory.config().poolSize(), directory.config().maxQueuedSignIns());
        this.clock = clock;
        this.local = local;
    }

    @Override
    public CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash) {
        return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> verifyPassword(String username, String password) {
        CompletableFuture<Verdict> lookup = queue.submit(() -> decide(username, password));
        CompletableFuture<Boolean> result = lookup.thenCompose(verdict -> switch (verdict) {
            case ACCEPT -> CompletableFuture.completedFuture(true);
            case REJECT -> CompletableFuture.completedFuture(false);
            case LOCAL -> local.verifyPassword(username, password);
        });
        // Whoever gives up on the answer gives up on the lookup: a queued one is then never run.
        result.whenComplete((ok, e) -> {
            if (result.isCancelled()) {
                lookup.cancel(false);
            }
        });
        return result;
    }

    /** Sign-in checks waiting for the directory. */
    public int waiting() {
        return queue.waiting();
    }

    private enum Verdict { ACCEPT, REJECT, LOCAL }

    private Verdict decide(String username, String password) throws com.unboundid.ldap.sdk.LDAPException {
        Optional<UserRecord> row = store.user(username);
        if (row.isPresent() && !row.get().enabled()) {
            return Verdict.REJECT;
        }
        List<DirectoryUser> found = directory.findUsers(username);
        if (found.isEmpty()) {
            boolean localUser = local != null && row.isPresent() && !row.get().fromDirectory();
            return localUser ? Verdict.LOCAL : Verdict.REJECT;
        }
        if (found.size() > 1) {
            log.warn("sign-in refused for {}: {} directory entries map to this user ID (see `parley users check`)",
                    username, found.size());
            return Verdict.REJECT;
        }
        DirectoryUser user = found.get(0);
        if (!directory.checkPassword(user.dn(), password)) {
            return Verdict.REJECT;
        }
        if (row.isEmpty()) {
            // Signed in before the first sync reached them: create the user now, as sync would.
            store.upsert(List.of(user), vcards, clock.instant());
        }
        return Verdict.ACCEPT;
    }

    @Override
    public boolean supportsScram() {
        return false;
    }

    @Override
    public void close() {
        queue.close();
    }
}
