package org.parley.server.domain;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.Domains;
import org.parley.server.storage.BlockingPool;

/**
 * The domains admin service behind the REST API and the CLI: lists what {@link Domains} serves,
 * adds and removes administrator-managed domains in the database and in the running registry
 * together, so a change takes effect at once (no restart).
 */
public final class DomainService {

    /** What became of a change; {@code message} explains a refusal to the operator. */
    public record Outcome(Status status, String message) {
    }

    public enum Status { DONE, UNCHANGED, NOT_FOUND, REFUSED }

    private final Domains domains;
    private final DomainStore store;
    private final BlockingPool blocking;
    private final Clock clock;

    public DomainService(Domains domains, DomainStore store, BlockingPool blocking, Clock clock) {
        this.domains = domains;
        this.store = store;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** A domain name as typed, normalized; {@link IllegalArgumentException} with a message for the operator otherwise. */
    public static DomainBareJid parse(String name) {
        try {
            if (name == null || name.isBlank() || name.contains("@") || name.contains("/")) {
                throw new IllegalArgumentException("Not a domain name: " + name);
            }
            return JidCreate.domainBareFrom(name.trim());
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("Not a domain name: " + name, e);
        }
    }

    public List<Domains.Entry> list() {
        return domains.all();
    }

    public CompletableFuture<Outcome> add(DomainBareJid domain) {
        if (domain.equals(domains.defaultDomain())) {
            return CompletableFuture.completedFuture(new Outcome(Status.UNCHANGED, domain + " is the default domain"));
        }
        return blocking.supply(() -> {
            boolean added = store.add(domain, clock.instant());
            domains.addManaged(domain);
            return added ? new Outcome(Status.DONE, "Added " + domain)
                    : new Outcome(Status.UNCHANGED, domain + " is served already");
        });
    }

    /** Refused for the default domain and while users live in the domain (they could no longer sign in). */
    public CompletableFuture<Outcome> remove(DomainBareJid domain) {
        if (domain.equals(domains.defaultDomain())) {
            return CompletableFuture.completedFuture(new Outcome(Status.REFUSED,
                    domain + " is the default domain (the 'domain' setting); it cannot be removed"));
        }
        return blocking.supply(() -> {
            int users = store.users(domain);
            if (users > 0) {
                return new Outcome(Status.REFUSED, users + " user(s) have addresses in " + domain
                        + "; delete them or run 'parley addressing migrate' first");
            }
            if (!store.remove(domain)) {
                return new Outcome(Status.NOT_FOUND, domain + " is not an administrator-managed domain");
            }
            domains.removeManaged(domain);
            return new Outcome(Status.DONE, "Removed " + domain);
        });
    }
}
