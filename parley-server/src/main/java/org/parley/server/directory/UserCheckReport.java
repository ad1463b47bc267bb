package org.parley.server.directory;

import java.util.List;

/**
 * What {@code users check} found: users (or directory entries) that collide on one address, and
 * users that cannot have an address at all.
 */
public record UserCheckReport(List<Duplicate> duplicates, List<Invalid> invalid) {

    public UserCheckReport {
        duplicates = List.copyOf(duplicates);
        invalid = List.copyOf(invalid);
    }

    public boolean clean() {
        return duplicates.isEmpty() && invalid.isEmpty();
    }

    /** Where an entry was found: Parley's users table or the LDAP directory. */
    public enum Source { USERS, DIRECTORY }

    /**
     * Several entries that normalise to one address.
     *
     * @param kind    "userId" or "directoryUri"
     * @param key     the normalised value they share
     * @param entries usernames (source USERS) or entry DNs (source DIRECTORY), each with its raw value
     */
    public record Duplicate(Source source, String kind, String key, List<String> entries) {
        public Duplicate {
            entries = List.copyOf(entries);
        }
    }

    /** @param entry a username (source USERS) or an entry DN (source DIRECTORY) */
    public record Invalid(Source source, String entry, String reason) {
    }
}
