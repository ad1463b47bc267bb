package org.parley.server.cli;

import java.util.Locale;
import com.unboundid.ldap.sdk.LDAPException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.ParleyCore;
import org.parley.server.config.ConfigException;
import org.parley.server.core.UserHubs;
import org.parley.server.contacts.ContactTransfer;
import org.parley.server.contacts.ImportReport;
import org.parley.server.contacts.UserContacts;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.UserCheck;
import org.parley.server.directory.UserCheckReport;
import org.parley.server.directory.DirectorySync;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.directory.SharedGroups;
import org.parley.server.directory.SyncReport;
import org.parley.server.directory.VCards;
import org.parley.server.roster.RosterService;
import org.parley.server.roster.RosterStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.parley.server.admin.TokenScope;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.AccountService;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingService;
import org.parley.server.addressing.AddressingStore;
import org.parley.server.addressing.MigrationPlan;
import org.parley.server.addressing.SchemeCheck;
import org.parley.server.account.AccountStore;
import org.parley.server.account.InvalidAccountException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.MucModule;
import org.parley.server.muc.admin.RoomAdminException;
import org.parley.server.muc.admin.RoomAdministration;
import org.parley.server.muc.admin.RoomInfo;
import org.parley.server.muc.admin.RoomSpec;
import org.parley.server.muc.admin.StoredRoomAdministration;
import org.parley.server.admin.AdminTokenStore;
import org.parley.server.admin.AdminTokens;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Domains;
import org.parley.server.domain.DomainService;
import org.parley.server.domain.DomainStore;
import org.parley.server.core.EventBus;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Database;
import org.parley.server.storage.Jdbc;
import org.parley.server.storage.StorageException;

/**
 * {@link AdminAccess} on the database, for when no server runs: the same account and token
 * services the server uses, composed in-process for the length of one command. No sessions
 * exist, so nobody listens to the UserDeleted event here.
 */
final class LocalAdmin implements AdminAccess {

    private final Database database;
    private final BlockingPool blocking;
    private final AccountService accounts;
    private final AdminTokens tokens;
    private final RoomAdministration rooms;
    private final ParleyConfig config;
    private final Jdbc jdbc;
    private final Domains domains;

    private LocalAdmin(Database database, BlockingPool blocking, AccountService accounts, AdminTokens tokens,
                       RoomAdministration rooms, ParleyConfig config, Jdbc jdbc, Domains domains) {
        this.config = config;
        this.jdbc = jdbc;
        this.domains = domains;
        this.database = database;
        this.blocking = blocking;
        this.accounts = accounts;
        this.tokens = tokens;
        this.rooms = rooms;
    }

    static LocalAdmin open(ParleyConfig config) {
        // Usernames are normalised with PRECIS, as the server does (jxmpp keeps it process-wide).
        ParleyCore.usePrecis();
        Database database;
        try {
            database = Database.open(config);
        } catch (RuntimeException e) {
            throw new CliFailure("cannot open the database (is a server running on this data directory, "
                    + config.dataPath().toAbsolutePath().normalize() + "?): " + e.getMessage(), e);
        }
        BlockingPool blocking = new BlockingPool(2, 16);
        try {
            SecureRandom random = new SecureRandom();
            Jdbc jdbc = new Jdbc(database.dataSource());
            Domains domains = new Domains(JidCreate.domainBareFrom(config.domain()));
            new DomainStore(jdbc).loadInto(domains);
            AccountService accounts = new AccountService(new AccountStore(jdbc),
                    blocking, new ScramCredentialFactory(random, config.auth().scramIterations()), new EventBus(),
                    domains, Clock.systemUTC());
            AdminTokens tokens = new AdminTokens(new AdminTokenStore(jdbc),
                    random, Clock.systemUTC());
            RoomAdministration rooms = new StoredRoomAdministration(MucModule.defaultServiceRooms(jdbc, config), blocking, config.muc(),
                    JidCreate.domainBareFrom(config.domain()), MucModule.serviceDomain(config), Clock.systemUTC());
            return new LocalAdmin(database, blocking, accounts, tokens, rooms, config, jdbc, domains);
        } catch (XmppStringprepException | RuntimeException e) {
            blocking.close();
            database.close();
            throw new CliFailure("invalid configuration: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean addUser(String username, String password) {
        return await(accounts.create(username, password));
    }

    @Override
    public boolean changePassword(String username, String password) {
        return await(accounts.changePassword(username, password));
    }

    @Override
    public boolean deleteUser(String username) {
        return await(accounts.delete(username));
    }

    @Override
    public List<String> listUsers() {
        return await(accounts.list());
    }

    @Override
    public Map<String, Object> syncDirectory() {
        if (!config.ldap().configured()) {
            throw new CliFailure("no LDAP directory is configured (ldap.servers)");
        }
        // The same rule as at start-up: a sync under a switched scheme would file users under new addresses.
        new SchemeCheck(new AddressingStore(jdbc)).check(AddressScheme.parse(config.addressing().scheme()));
        try (LdapDirectory directory = LdapDirectory.open(config)) {
            DomainBareJid domain = JidCreate.domainBareFrom(config.domain());
            EventBus events = new EventBus();
            // No server runs, so no user is online: the hubs stay empty and roster writes go to the database.
            RosterService rosters = new RosterService(new UserHubs(Runnable::run, events), new RosterStore(jdbc, domains.names()),
                    blocking, events);
            DirectoryStore store = new DirectoryStore(jdbc);
            SyncReport report = new DirectorySync(directory, store, new VCards(config.domain()),
                    new SharedGroups(directory, store, rosters, domain), username -> { }, Clock.systemUTC()).run();
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : SyncReport.class.getRecordComponents()) {
                out.put(c.getName(), c.getAccessor().invoke(report));
            }
            return out;
        } catch (LDAPException e) {
            throw new CliFailure("the directory did not answer: " + e.getMessage(), e);
        } catch (ReflectiveOperationException | XmppStringprepException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (ConfigException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliFailure("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public AddressingService.Status addressing() {
        return addressingService().status();
    }

    @Override
    public MigrationPlan planAddressing(AddressScheme to) {
        return addressingService().plan(to);
    }

    @Override
    public MigrationPlan migrateAddressing(AddressScheme to) {
        try {
            return addressingService().migrate(to);
        } catch (StorageException e) {
            throw new CliFailure("database error, nothing was migrated: " + e.getMessage(), e);
        }
    }

    private AddressingService addressingService() {
        return new AddressingService(jdbc, domains.names(), AddressScheme.parse(config.addressing().scheme()));
    }

    @Override
    public UserCheckReport checkUsers() {
        DirectoryStore store = new DirectoryStore(jdbc);
        try {
            if (!config.ldap().configured()) {
                return new UserCheck(store, null, config.ldap().mapping()).run();
            }
            try (LdapDirectory directory = LdapDirectory.open(config)) {
                return new UserCheck(store, directory, config.ldap().mapping()).run();
            }
        } catch (LDAPException e) {
            throw new CliFailure("the directory did not answer: " + e.getMessage(), e);
        } catch (ConfigException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliFailure("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public List<UserContacts> exportContacts(List<String> users) {
        try {
            return contacts().export(users).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ContactTransfer.NoSuchUser) {
                throw new CliFailure(e.getCause().getMessage(), e.getCause());
            }
            throw new CliFailure("database error: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", e);
        }
    }

    @Override
    public ImportReport importContacts(List<UserContacts> users, boolean replace) {
        return await(contacts().importAll(users, replace));
    }

    /** No server runs, so nobody is online: the hubs stay empty and roster writes go to the database. */
    private ContactTransfer contacts() {
        EventBus events = new EventBus();
        RosterService rosters = new RosterService(new UserHubs(Runnable::run, events), new RosterStore(jdbc, domains.names()),
                blocking, events);
        try {
            return new ContactTransfer(rosters, jdbc, blocking, JidCreate.domainBareFrom(config.domain()));
        } catch (XmppStringprepException e) {
            throw new CliFailure("invalid domain: " + e.getMessage(), e);
        }
    }

    @Override
    public Map<String, String> listDomains() {
        Map<String, String> out = new LinkedHashMap<>();
        domains.all().forEach(e -> out.put(e.domain().toString(), e.kind().name().toLowerCase(Locale.ROOT)));
        return out;
    }

    @Override
    public boolean addDomain(String name) {
        return change(domainService().add(parseDomain(name))) == DomainService.Status.DONE;
    }

    @Override
    public boolean removeDomain(String name) {
        return change(domainService().remove(parseDomain(name))) == DomainService.Status.DONE;
    }

    private DomainService domainService() {
        return new DomainService(domains, new DomainStore(jdbc), blocking, Clock.systemUTC());
    }

    private static DomainBareJid parseDomain(String name) {
        try {
            return DomainService.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        }
    }

    private static DomainService.Status change(CompletableFuture<DomainService.Outcome> outcome) {
        DomainService.Outcome o = await(outcome);
        if (o.status() == DomainService.Status.REFUSED) {
            throw new CliFailure(o.message());
        }
        return o.status();
    }

    @Override
    public String createToken(String name, Set<TokenScope> scopes) {
        try {
            return tokens.create(name, scopes);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), e);
        } catch (StorageException e) {
            throw new CliFailure("database error: " + e.getMessage(), e);
        }
    }

    @Override
    public List<RoomView> listRooms() {
        return await(rooms.list()).stream().map(LocalAdmin::view).toList();
    }

    @Override
    public Optional<RoomView> room(String name) {
        return await(rooms.info(name)).map(LocalAdmin::view);
    }

    @Override
    public RoomView createRoom(RoomSpec spec) {
        return view(await(call(() -> rooms.create(spec))));
    }

    @Override
    public boolean destroyRoom(String name, String reason) {
        return await(call(() -> rooms.destroy(name, reason)));
    }

    @Override
    public RoomView setAffiliation(String room, String user, String affiliation) {
        Affiliation a = Affiliation.parse(affiliation);
        if (a == null) {
            throw new CliFailure("affiliation must be owner, admin, member, outcast or none, not " + affiliation);
        }
        return view(await(call(() -> rooms.setAffiliation(room, user, a))));
    }

    /** Administration refuses some requests before any future exists (a bad name): same handling as a failed future. */
    private static <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> operation) {
        try {
            return operation.get();
        } catch (RoomAdminException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    static RoomView view(RoomInfo r) {
        Map<String, String> affs = new TreeMap<>();
        r.affiliations().forEach((jid, a) -> affs.put(jid, a.xmlValue()));
        return new RoomView(r.name(), r.jid(), r.config().name(), r.config().description(), r.config().persistent(),
                r.config().membersOnly(), r.config().publicRoom(), r.occupants(), affs);
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvalidAccountException || cause instanceof RoomAdminException) {
                throw new CliFailure(cause.getMessage(), cause);
            }
            throw new CliFailure("database error: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", e);
        }
    }

    @Override
    public void close() {
        blocking.close();
        database.close();
    }
}
