package org.parley.server.testing;

import org.parley.server.ParleyCore;
import org.parley.server.account.Accounts;

/** Builds the real account service for a harnessed core. */
final class TestAccounts {

    private TestAccounts() {
    }

    static Accounts create(ParleyCore core) {
        return new SqlOnlyAccounts(core);
    }
}
