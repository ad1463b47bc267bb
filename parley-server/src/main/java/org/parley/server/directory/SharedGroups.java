package org.parley.server.directory;

import org.parley.server.account.AccountNames;
import com.unboundid.ldap.sdk.LDAPException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.RosterService;
import org.parley.server.roster.Subscription;
import org.parley.server.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory groups as shared roster groups ({@code ldap.groups.shared}): every member has every
 * other member in their roster, subscription both, in a roster group named after the directory
 * group. The items are real roster rows written through {@link RosterService}, so clients get
 * roster pushes and presence flows exactly as for any mutual subscription (the presence module
 * sends current presence when a subscription is gained).
 *
 * <p>Each sync links only members who joined since the last one and unlinks those who left
 * (membership at the last sync is kept in shared_group_members). Unlinking removes the group
 * from the item; an item left in no group at all is removed with its subscription.
 */
public final class SharedGroups {

    private static final Logger log = LoggerFactory.getLogger(SharedGroups.class);

    private static final int WINDOW = 256;

    private final LdapDirectory directory;
    private final DirectoryStore store;
    private final RosterService rosters;
    private final DomainBareJid domain;
    private final List<String> groupNames;

    public SharedGroups(LdapDirectory directory, DirectoryStore store, RosterService rosters, DomainBareJid domain) {
        this.directory = directory;
        this.store = store;
        this.rosters = rosters;
        this.domain = domain;
        List<String> names = new ArrayList<>();
        for (String n : directory.config().groups().shared().split(",")) {
            if (!n.isBlank()) {
                names.add(n.trim());
            }
        }
        this.groupNames = List.copyOf(names);
    }

    public List<String> groupNames() {
        return groupNames;
    }

    /** Brings every shared group's rosters up to date; returns the number of roster rows changed. */
    public int sync() throws LDAPException {
        int changed = 0;
        for (String name : groupNames) {
            Optional<DirectoryGroup> group = directory.group(name);
            if (group.isEmpty()) {
                log.warn("shared group {} is not in the directory; its rosters stay as they are", name);
                continue;
            }
            Set<String> now = new HashSet<>();
            for (String dn : group.get().memberDns()) {
                store.usernameByDn(dn).ifPresent(now::add);
            }
            changed += apply(name, store.sharedGroupMembers(name), now);
        }
        return changed;
    }

    private int apply(String group, Set<String> before, Set<String> now) {
        List<Supplier<CompletableFuture<Boolean>>> writes = new ArrayList<>();
        for (String joined : difference(now, before)) {
            for (String other : now) {
                if (!other.equals(joined)) {
                    writes.add(() -> link(joined, other, group));
                    if (before.contains(other)) {
                        writes.add(() -> link(other, joined, group));
                    }
                }
            }
        }
        for (String left : difference(before, now)) {
            for (String other : before) {
                if (!other.equals(left)) {
                    writes.add(() -> unlink(left, other, group));
                    if (now.contains(other)) {
                        writes.add(() -> unlink(other, left, group));
                    }
                }
            }
        }
        // In windows: the writes run on the same bounded blocking pool as this sync.
        int changed = 0;
        for (int i = 0; i < writes.size(); i += WINDOW) {
            List<CompletableFuture<Boolean>> window = new ArrayList<>();
            for (Supplier<CompletableFuture<Boolean>> w : writes.subList(i, Math.min(writes.size(), i + WINDOW))) {
                window.add(w.get());
            }
            for (CompletableFuture<Boolean> w : window) {
                if (await(w)) {
                    changed++;
                }
            }
        }
        store.replaceSharedGroupMembers(group, now);
        return changed;
    }

    private CompletableFuture<Boolean> link(String owner, String contact, String group) {
        return rosters.update(jid(owner), jid(contact), item -> {
            RosterItem base = item == null ? RosterItem.listed(jid(contact)) : item.withListed(true);
            List<String> groups = new ArrayList<>(base.groups());
            if (!groups.contains(group)) {
                groups.add(group);
            }
            return new RosterItem(base.jid(), base.name(), groups, Subscription.BOTH, false, false, false, true, null);
        }).thenApply(change -> change.changed());
    }

    private CompletableFuture<Boolean> unlink(String owner, String contact, String group) {
        return rosters.update(jid(owner), jid(contact), item -> {
            if (item == null || !item.groups().contains(group)) {
                return item;
            }
            List<String> groups = new ArrayList<>(item.groups());
            groups.remove(group);
            return groups.isEmpty() ? null : item.withNameAndGroups(item.name(), groups);
        }).thenApply(change -> change.changed());
    }

    private EntityBareJid jid(String username) {
        return new AccountNames(domain).jid(username);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static boolean await(CompletableFuture<Boolean> write) {
        try {
            return write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while updating shared rosters", e);
        } catch (ExecutionException e) {
            throw new StorageException("cannot update a shared roster: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
