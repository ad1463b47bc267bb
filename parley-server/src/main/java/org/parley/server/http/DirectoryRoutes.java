package org.parley.server.http;

import com.unboundid.ldap.sdk.LDAPException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletionException;
import org.parley.server.directory.DirectoryModule;

/**
 * {@code POST /api/v1/directory/sync}: runs a directory sync now and answers with its report.
 * 409 when no directory is configured, 503 when the directory cannot be reached.
 */
public final class DirectoryRoutes implements HttpRoutes {

    static final String SYNC = "/api/v1/directory/sync";

    private final DirectoryModule directory;

    public DirectoryRoutes(DirectoryModule directory) {
        this.directory = directory;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.post(SYNC, this::sync);
    }

    private void sync(Context ctx) {
        if (!directory.hasDirectory()) {
            throw new HttpResponseException(409, "No LDAP directory is configured (ldap.servers)");
        }
        ctx.future(() -> directory.syncNow().handle((report, error) -> {
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
