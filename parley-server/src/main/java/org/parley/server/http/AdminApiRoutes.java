package org.parley.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.parley.server.ParleyCore;
import org.parley.server.ServerModules;
import org.parley.server.account.Accounts;
import org.parley.server.admin.AdminTokens;

/**
 * Every route the admin HTTP listener of a node serves, in one list, so that the server and the
 * tests that start a listener of their own serve exactly the same API.
 */
public final class AdminApiRoutes {

    private AdminApiRoutes() {
    }

    public static List<HttpRoutes> of(ParleyCore core, Accounts accounts, AdminTokens tokens, ServerModules modules,
                                      ObjectMapper mapper) {
        return List.of(
                new HealthRoutes(core.jdbc(), core.blocking()),
                new OpenApiRoutes(),
                new UserRoutes(accounts, mapper),
                new TokenRoutes(tokens, core.blocking(), mapper),
                new DirectoryRoutes(modules.directory()),
                new PresenceRoutes(modules.richPresence().service(), accounts, core.domain(), mapper,
                        r -> core.blocking().run(r::run)));
    }
}
