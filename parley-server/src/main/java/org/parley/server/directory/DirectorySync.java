package org.parley.server.directory;

import com.unboundid.ldap.sdk.LDAPException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass of user sync: pages through the directory's users, creates or updates each Parley
 * user (a page per transaction), then deactivates the directory users the directory no longer
 * lists, then updates shared roster groups. Only user IDs are kept for the whole pass, never the
 * entries, so memory stays flat for large directories. Nothing is deactivated unless the search
 * completed: a directory failing midway must not disable everyone it did not reach.
 */
public final class DirectorySync {

    private static final Logger log = LoggerFactory.getLogger(DirectorySync.class);

    private final LdapDirectory directory;
    private final DirectoryStore store;
    private final VCards vcards;
    private final SharedGroups sharedGroups;
    private final Consumer<String> deactivated;
    private final Clock clock;

    /**
     * @param sharedGroups null for none
     * @param deactivated  told each username deactivated (the server ends its sessions)
     */
    public DirectorySync(LdapDirectory directory, DirectoryStore store, VCards vcards, SharedGroups sharedGroups,
                         Consumer<String> deactivated, Clock clock) {
        this.directory = directory;
        this.store = store;
        this.vcards = vcards;
        this.sharedGroups = sharedGroups;
        this.deactivated = deactivated;
        this.clock = clock;
    }

    /** Runs a sync (one at a time); blocking. */
    public synchronized SyncReport run() throws LDAPException {
        long start = clock.millis();
        Pass pass = new Pass();
        directory.forEachUser(pass::accept);
        pass.flush();
        Set<String> gone = store.enabledDirectoryUsers();
        gone.removeAll(pass.seenIds);
        int deactivatedCount = 0;
        for (String username : gone) {
            if (store.deactivate(username)) {
                deactivatedCount++;
                deactivated.accept(username);
            }
        }
        int rosterItems = sharedGroups == null ? 0 : sharedGroups.sync();
        SyncReport report = new SyncReport(pass.seen, pass.created, pass.updated, pass.unchanged, deactivatedCount,
                pass.invalid, pass.duplicates, rosterItems, clock.millis() - start);
        log.info("directory sync: {}", report);
        return report;
    }

    /** The state of one pass; the directory's listener calls it on one thread. */
    private final class Pass {
        final Set<String> seenIds = new HashSet<>();
        final List<DirectoryUser> batch = new ArrayList<>();
        int seen;
        int created;
        int updated;
        int unchanged;
        int invalid;
        int duplicates;

        void accept(DirectoryUser user) {
            seen++;
            if (user.account() == null) {
                invalid++;
                return;
            }
            if (!seenIds.add(user.account())) {
                duplicates++;
                log.warn("directory sync: {} maps to address {}, already taken by another entry; skipped",
                        user.dn(), user.account());
                return;
            }
            batch.add(user);
            if (batch.size() >= Math.max(1, directory.config().pageSize())) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            for (DirectoryStore.Outcome o : store.upsert(batch, vcards, clock.instant())) {
                switch (o) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            }
            batch.clear();
        }
    }
}
