package org.parley.server.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.ParleyCore;
import org.parley.server.account.AccountService;
import org.parley.server.config.ConfigLoader;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Module;
import org.parley.server.storage.Database;

/**
 * A running core (router, hubs, modules) on an in-memory H2 database, without transports:
 * module tests connect {@link TestSession}s and exchange stanzas through the real router.
 */
public final class CoreHarness implements AutoCloseable {

    private final ParleyCore core;
    private final AccountService accounts;
    private final List<TestSession> sessions = new ArrayList<>();

    private final boolean ownsDatabase;

    private CoreHarness(ParleyCore core, AccountService accounts, boolean ownsDatabase) {
        this.core = core;
        this.accounts = accounts;
        this.ownsDatabase = ownsDatabase;
    }

    /** Starts a core with the given modules; {@code overrides} are --set style key=value pairs. */
    public static CoreHarness start(List<String> overrides, Module... modules) {
        ParleyConfig config = new ConfigLoader().load(null, overrides);
        Database db = new Database("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "", "", 4);
        db.migrate();
        return start(config, db, true, modules);
    }

    /**
     * Starts a core on a database the caller owns and keeps open after {@link #close()}: a test
     * can stop one core and start another on the same data, as a server restart would.
     */
    public static CoreHarness startOn(Database db, List<String> overrides, Module... modules) {
        return start(new ConfigLoader().load(null, overrides), db, false, modules);
    }

    private static CoreHarness start(ParleyConfig config, Database db, boolean ownsDatabase, Module... modules) {
        ParleyCore core = new ParleyCore(config, db, Clock.systemUTC());
        AccountService accounts = TestAccounts.create(core);
        core.start(accounts, List.of(modules));
        return new CoreHarness(core, accounts, ownsDatabase);
    }

    public static CoreHarness start(Module... modules) {
        return start(List.of(), modules);
    }

    public ParleyCore core() {
        return core;
    }

    public AccountService accounts() {
        return accounts;
    }

    public void createUser(String username) {
        try {
            accounts.create(username, "secret-" + username).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Binds a session for user@domain/resource and waits until routing sees it. */
    public TestSession connect(String username, String resource) {
        return connect(JidCreate.entityFullFromOrThrowUnchecked(username + "@" + core.domain() + "/" + resource));
    }

    /** Binds a session for any local full JID (a user of another served domain too). */
    public TestSession connect(EntityFullJid jid) {
        try {
            TestSession s = new TestSession(jid, core.router(), core.hubs());
            core.hubs().attach(s).get(5, TimeUnit.SECONDS);
            sessions.add(s);
            return s;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Path dataDir() {
        return core.config().dataPath();
    }

    @Override
    public void close() {
        for (TestSession s : sessions) {
            s.disconnect();
        }
        core.close();
        if (ownsDatabase) {
            core.database().close();
        }
    }
}
