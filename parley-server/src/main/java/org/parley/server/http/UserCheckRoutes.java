package org.parley.server.http;

import com.unboundid.ldap.sdk.LDAPException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;
import org.parley.server.directory.UserCheck;
import org.parley.server.storage.BlockingPool;

/**
 * {@code GET /api/v1/users/check}: duplicate and invalid users (see {@link UserCheck}); 503 when
 * a configured directory cannot be reached (a partial check would hide problems).
 */
public final class UserCheckRoutes implements HttpRoutes {

    static final String CHECK = "/api/v1/users/check";

    private final UserCheck check;
    private final BlockingPool blocking;

    public UserCheckRoutes(UserCheck check, BlockingPool blocking) {
        this.check = check;
        this.blocking = blocking;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(CHECK, this::check);
    }

    private void check(Context ctx) {
        ctx.future(() -> blocking.supply(check::run).handle((report, error) -> {
            if (error == null) {
                ctx.json(report);
                return null;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof LDAPException e) {
                throw new HttpResponseException(503, "The directory did not answer: " + e.getMessage());
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        }));
    }
}
