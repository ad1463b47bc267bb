package org.parley.server.testing;

import java.security.SecureRandom;
import org.parley.server.ParleyCore;
import org.parley.server.account.AccountService;
import org.parley.server.account.AccountStore;
import org.parley.server.auth.ScramCredentialFactory;

/** Builds the real account service for a harnessed core. */
final class TestAccounts {

    private TestAccounts() {
    }

    static AccountService create(ParleyCore core) {
        return new AccountService(new AccountStore(core.jdbc()), core.blocking(),
                new ScramCredentialFactory(new SecureRandom(), ScramCredentialFactory.MINIMUM_ITERATIONS),
                core.events(), core.domains(), core.clock());
    }
}
