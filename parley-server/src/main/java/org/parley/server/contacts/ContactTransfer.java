package org.parley.server.contacts;

import org.parley.server.account.AccountNames;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterService;
import org.parley.server.roster.StoredStanza;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Jdbc;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;

/**
 * Contact list export and import for the admin API and the CLI. Both go through the
 * {@link RosterService}, so an online user's cached roster stays equal to the database and
 * their clients get roster pushes. Each user's import is one transaction: a user either gets
 * the whole imported list or keeps the old one.
 */
public final class ContactTransfer {

    private final RosterService rosters;
    private final Jdbc jdbc;
    private final BlockingPool blocking;
    private final DomainBareJid domain;

    public ContactTransfer(RosterService rosters, Jdbc jdbc, BlockingPool blocking, DomainBareJid domain) {
        this.rosters = rosters;
        this.jdbc = jdbc;
        this.blocking = blocking;
        this.domain = domain;
    }

    /** Thrown (through the future) when an export names a user that does not exist. */
    public static final class NoSuchUser extends RuntimeException {
        public NoSuchUser(String user) {
            super("no user " + user);
        }
    }

    /** The contact lists of {@code users} (normalised usernames), or of every user when empty, in that order. */
    public CompletableFuture<List<UserContacts>> export(List<String> users) {
        return blocking.supply(() -> {
            List<String> all = jdbc.query("SELECT username FROM users ORDER BY username", rs -> rs.getString(1));
            if (users.isEmpty()) {
                return all;
            }
            for (String u : users) {
                if (!all.contains(u)) {
                    throw new NoSuchUser(u);
                }
            }
            return users;
        }).thenCompose(names -> {
            List<CompletableFuture<UserContacts>> each = new ArrayList<>();
            for (String name : names) {
                each.add(rosters.roster(jid(name)).thenApply(r -> new UserContacts(name, r.items())));
            }
            return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                    .thenApply(x -> each.stream().map(CompletableFuture::join).toList());
        });
    }

    /**
     * Writes each user's list (one transaction per user, users one after another). With
     * {@code replace}, contacts a user has but the list lacks are removed; else they stay.
     */
    public CompletableFuture<ImportReport> importAll(List<UserContacts> users, boolean replace) {
        List<String> imported = new ArrayList<>();
        List<ImportReport.Failure> failed = new ArrayList<>();
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (UserContacts u : users) {
            chain = chain.thenCompose(x -> importOne(u, replace)).handle((x, e) -> {
                if (e == null) {
                    imported.add(u.user());
                } else {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    failed.add(new ImportReport.Failure(u.user(), cause.getMessage()));
                }
                return null;
            });
        }
        return chain.thenApply(x -> new ImportReport(imported, failed));
    }

    private CompletableFuture<Void> importOne(UserContacts u, boolean replace) {
        EntityBareJid user = jid(u.user());
        return blocking.supply(() -> jdbc.queryOne("SELECT 1 FROM users WHERE username = ?", rs -> 1, u.user())
                .isPresent()).thenCompose(exists -> {
            if (!exists) {
                throw new NoSuchUser(u.user());
            }
            List<RosterItem> items = new ArrayList<>(u.items().size());
            for (RosterItem i : u.items()) {
                items.add(withRequest(user, i));
            }
            return rosters.replace(user, items, replace).thenApply(changes -> null);
        });
    }

    /**
     * A pending inbound request is delivered again at the user's next sign-in (RFC 6121 §3.1.3),
     * which needs the request stanza: a file without one (CSV) gets a plain subscribe from the contact.
     */
    private static RosterItem withRequest(EntityBareJid user, RosterItem item) {
        if (!item.pendingIn() || item.pendingInStanza() != null) {
            return item;
        }
        Element presence = Element.builder("presence", Namespaces.CLIENT).attribute("from", item.jid().toString())
                .attribute("to", user.toString()).attribute("type", "subscribe").build();
        return item.withPendingIn(true, StoredStanza.encode(Stanza.of(presence)));
    }

    private EntityBareJid jid(String username) {
        return new AccountNames(domain).jid(username);
    }
}
