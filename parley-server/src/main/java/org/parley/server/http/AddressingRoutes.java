package org.parley.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingJson;
import org.parley.server.addressing.AddressingService;
import org.parley.server.config.ConfigException;
import org.parley.server.storage.BlockingPool;

/**
 * {@code /api/v1/addressing}: the configured and recorded address schemes, and a dry run of a
 * migration to another scheme (who would get which address, who cannot be mapped). The migration
 * itself is not offered here: it rewrites addresses a running server holds in memory, so it runs
 * from the CLI with the server stopped.
 */
public final class AddressingRoutes implements HttpRoutes {

    static final String STATUS = "/api/v1/addressing";
    static final String MIGRATION = STATUS + "/migration";

    private final AddressingService addressing;
    private final BlockingPool blocking;

    public AddressingRoutes(AddressingService addressing, BlockingPool blocking) {
        this.addressing = addressing;
        this.blocking = blocking;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(STATUS, this::status);
        routes.get(MIGRATION, this::plan);
    }

    private void status(Context ctx) {
        ctx.future(() -> blocking.supply(addressing::status).thenAccept(s -> ctx.json(AddressingJson.status(s))));
    }

    private void plan(Context ctx) {
        String to = ctx.queryParam("to");
        AddressScheme scheme;
        try {
            scheme = AddressScheme.parse(to);
        } catch (ConfigException e) {
            throw new HttpResponseException(400, "Query parameter 'to' must be userid or directoryUri");
        }
        ctx.future(() -> blocking.supply(() -> addressing.plan(scheme))
                .thenAccept(plan -> ctx.json(AddressingJson.plan(plan))));
    }
}
