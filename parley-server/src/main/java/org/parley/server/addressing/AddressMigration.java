package org.parley.server.addressing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.server.account.AccountNames;
import org.parley.server.account.AccountService;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.storage.Jdbc;

/**
 * {@code parley addressing migrate --to <scheme>}: gives every directory user the address the
 * new scheme makes (from the user ID or directory URI the last sync stored) and rewrites every
 * row that names them (see {@link StoredAddresses}), then records the scheme, all in one
 * transaction. Users it cannot map (a missing attribute, an invalid address, two users meeting at
 * one address) are reported and nothing is written. Runs with the server stopped: a running
 * server holds addresses in memory (sessions, rosters, rooms). Blocking.
 */
public final class AddressMigration {

    private final Jdbc jdbc;
    private final AccountNames names;

    public AddressMigration(Jdbc jdbc, AccountNames names) {
        this.jdbc = jdbc;
        this.names = names;
    }

    private record DirectoryRow(String username, String directoryUri, String userId) {
    }

    /** What a migration to {@code to} would do (a dry run). */
    public MigrationPlan plan(AddressScheme to) {
        AddressScheme from = new AddressingStore(jdbc).recorded().orElse(AddressScheme.USERID);
        List<DirectoryRow> rows = jdbc.query("SELECT username, directory_uri, directory_user_id FROM users "
                + "WHERE source = 'ldap' ORDER BY username", rs -> new DirectoryRow(rs.getString(1), rs.getString(2),
                rs.getString(3)));
        List<MigrationPlan.Problem> problems = new ArrayList<>();
        Map<String, String> targets = new LinkedHashMap<>();
        for (DirectoryRow row : rows) {
            String target = target(row, to, problems);
            if (target != null) {
                targets.put(row.username(), target);
            }
        }
        // Every address must stay unique: the new ones among themselves and against users who keep theirs.
        Map<String, List<String>> byFinal = new HashMap<>();
        for (String user : jdbc.query("SELECT username FROM users", rs -> rs.getString(1))) {
            byFinal.computeIfAbsent(targets.getOrDefault(user, user), k -> new ArrayList<>()).add(user);
        }
        byFinal.forEach((address, users) -> {
            if (users.size() > 1) {
                for (String u : users) {
                    problems.add(new MigrationPlan.Problem(u, "would share the address " + names.jid(address)
                            + " with " + String.join(", ", users.stream().filter(o -> !o.equals(u)).toList())));
                }
            }
        });
        List<MigrationPlan.Rename> renames = new ArrayList<>();
        int unchanged = 0;
        for (Map.Entry<String, String> e : targets.entrySet()) {
            if (e.getKey().equals(e.getValue())) {
                unchanged++;
            } else {
                renames.add(new MigrationPlan.Rename(e.getKey(), names.jid(e.getKey()).toString(),
                        names.jid(e.getValue()).toString()));
            }
        }
        problems.sort((a, b) -> a.user().compareTo(b.user()));
        return new MigrationPlan(from, to, renames, unchanged, problems);
    }

    /** The account name of a directory user under {@code to}, or null after noting why there is none. */
    private String target(DirectoryRow row, AddressScheme to, List<MigrationPlan.Problem> problems) {
        if (to == AddressScheme.USERID) {
            if (row.userId() == null) {
                problems.add(new MigrationPlan.Problem(row.username(), "no user ID: the directory attribute "
                        + "ldap.mapping.userId was missing at the last sync"));
                return null;
            }
            try {
                return AccountService.normalize(row.userId());
            } catch (InvalidAccountException e) {
                problems.add(new MigrationPlan.Problem(row.username(), "user ID '" + row.userId()
                        + "' is not a valid JID local part"));
                return null;
            }
        }
        if (row.directoryUri() == null) {
            problems.add(new MigrationPlan.Problem(row.username(), "no directory URI: the directory attribute "
                    + "ldap.mapping.directoryUri was missing at the last sync"));
            return null;
        }
        String account = to.accountName(row.userId(), row.directoryUri(), names);
        if (account == null) {
            problems.add(new MigrationPlan.Problem(row.username(), "directory URI '" + row.directoryUri()
                    + "' is not a valid JID"));
        }
        return account;
    }

    /**
     * Migrates when the plan has no problems, and returns the plan either way: a plan that is
     * not {@link MigrationPlan#ready() ready} was not applied.
     */
    public MigrationPlan migrate(AddressScheme to) {
        MigrationPlan plan = plan(to);
        if (!plan.ready()) {
            return plan;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        plan.renames().forEach(r -> renames.put(r.user(), names.of(org.jxmpp.jid.impl.JidCreate
                .entityBareFromOrThrowUnchecked(r.to()))));
        jdbc.inTransaction(c -> {
            new StoredAddresses(c, names).rename(renames);
            AddressingStore.record(c, to);
            return null;
        });
        return plan;
    }
}
