package org.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.parley.server.ParleyCore;
import org.parley.server.ServerModules;
import org.parley.server.account.Accounts;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingService;
import org.parley.server.admin.AdminTokens;
import org.parley.server.contacts.ContactTransfer;
import org.parley.server.directory.DirectoryStore;
import org.parley.server.directory.LdapDirectory;
import org.parley.server.directory.UserCheck;
import org.parley.server.domain.DomainService;
import org.parley.server.domain.DomainStore;
import org.parley.server.muc.MucModule;

/**
 * Every route the admin HTTP listener of a node serves, in one list, so that the server and the
 * tests that start a listener of their own serve exactly the same API.
 */
public final class AdminApiRoutes {

    private AdminApiRoutes() {
    }

    /** {@code ldap}: the opened directory, or null when none is configured. */
    public static List<HttpRoutes> of(ParleyCore core, Accounts accounts, AdminTokens tokens, ServerModules modules,
                                      LdapDirectory ldap, ObjectMapper mapper) {
        List<HttpRoutes> routes = new ArrayList<>(List.of(
                new HealthRoutes(core.jdbc(), core.blocking()),
                new OpenApiRoutes(),
                new UserRoutes(accounts, mapper),
                new TokenRoutes(tokens, core.blocking(), mapper),
                new DomainRoutes(new DomainService(core.domains(), new DomainStore(core.jdbc()), core.blocking(),
                        core.clock()), mapper),
                new DirectoryRoutes(modules.directory()),
                new PresenceRoutes(modules.richPresence().service(), accounts, core.domain(), mapper,
                        r -> core.blocking().run(r::run)),
                new UserCheckRoutes(new UserCheck(new DirectoryStore(core.jdbc()), ldap, core.config().ldap().mapping()),
                        core.blocking()),
                new ContactRoutes(new ContactTransfer(modules.roster().service(), core.jdbc(), core.blocking(),
                        core.domain()), mapper),
                new AddressingRoutes(new AddressingService(core.jdbc(), core.domains().names(),
                        AddressScheme.parse(core.config().addressing().scheme())), core.blocking())));
        MucModule muc = modules.muc();
        if (muc.administration() != null) {
            // Absent when muc.enabled is false: /api/v1/rooms then answers 404 like any unknown path.
            routes.add(new RoomRoutes(muc.administration(), mapper));
        }
        return List.copyOf(routes);
    }
}
