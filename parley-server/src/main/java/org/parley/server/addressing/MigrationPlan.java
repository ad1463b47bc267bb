package org.parley.server.addressing;

import java.util.List;

/**
 * What {@code parley addressing migrate} would do: the directory users whose address changes
 * (account names, see {@link org.parley.server.account.AccountNames}) and the users it cannot map.
 * It runs only when there are no problems: a partial migration would leave two schemes in use.
 *
 * @param from      the scheme the stored addresses were made under
 * @param unchanged directory users whose address is the same under both schemes
 */
public record MigrationPlan(AddressScheme from, AddressScheme to, List<Rename> renames, int unchanged,
                            List<Problem> problems) {

    public MigrationPlan {
        renames = List.copyOf(renames);
        problems = List.copyOf(problems);
    }

    /** A user's address before and after, as bare JIDs. */
    public record Rename(String user, String from, String to) {
    }

    /** A user the migration cannot give an address under the new scheme, and why. */
    public record Problem(String user, String reason) {
    }

    public boolean ready() {
        return problems.isEmpty();
    }
}
