package org.parley.server.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.server.roster.RosterItem;

/**
 * What an import file held: the contact lists of the users whose rows were all valid, and the
 * problems found. A user with any bad row is left out entirely, so nothing partial is written
 * for them; other users still import.
 */
public record ContactFile(List<UserContacts> users, List<ImportProblem> problems) {

    public ContactFile {
        users = List.copyOf(users);
        problems = List.copyOf(problems);
    }

    /** Names of the users left out because of problems. */
    public Set<String> failedUsers() {
        Set<String> out = new LinkedHashSet<>();
        for (ImportProblem p : problems) {
            if (p.user() != null) {
                out.add(p.user());
            }
        }
        return out;
    }

    /** This file and {@code other} together (for a directory of per-user files). */
    public ContactFile plus(ContactFile other) {
        Collector c = new Collector();
        users.forEach(u -> u.items().forEach(i -> c.users.computeIfAbsent(u.user(), k -> new ArrayList<>()).add(i)));
        other.users.forEach(u -> u.items().forEach(i -> c.users.computeIfAbsent(u.user(), k -> new ArrayList<>()).add(i)));
        c.problems.addAll(problems);
        c.problems.addAll(other.problems);
        return c.result();
    }

    /** Accumulates rows per user while a file is read. */
    static final class Collector {
        private final Map<String, List<RosterItem>> users = new LinkedHashMap<>();
        private final List<ImportProblem> problems = new ArrayList<>();

        void add(String user, RosterItem item, String file, int line) {
            List<RosterItem> items = users.computeIfAbsent(user, k -> new ArrayList<>());
            for (RosterItem existing : items) {
                if (existing.jid().equals(item.jid())) {
                    problem(file, line, user, "contact " + item.jid() + " appears twice for this user");
                    return;
                }
            }
            items.add(item);
        }

        /** A user present in the file with no rows (an empty contact list, which is valid). */
        void touch(String user) {
            users.computeIfAbsent(user, k -> new ArrayList<>());
        }

        void problem(String file, int line, String user, String message) {
            problems.add(new ImportProblem(file, line, user, message));
        }

        ContactFile result() {
            Set<String> failed = new ContactFile(List.of(), problems).failedUsers();
            List<UserContacts> ok = new ArrayList<>();
            users.forEach((user, items) -> {
                if (!failed.contains(user)) {
                    ok.add(new UserContacts(user, items));
                }
            });
            return new ContactFile(ok, problems);
        }
    }
}
