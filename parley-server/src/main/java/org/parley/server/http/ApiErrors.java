package org.parley.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.parley.server.account.InvalidAccountException;
import org.parley.server.muc.admin.RoomAdminException;
import org.parley.server.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into the API's one error shape, {@code {"error": "...", "status": N}}:
 * handler exceptions, failed futures, unknown routes and wrong methods alike. Clients never see
 * a stack trace or an HTML page.
 */
final class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    static void register(RoutesConfig routes) {
        // Javalin answers its own HttpResponseExceptions (404, 405...) in plain text unless they
        // have a handler of their own; the Exception handler alone would not see them.
        routes.exception(HttpResponseException.class, (e, ctx) -> handle(e, ctx));
        routes.exception(Exception.class, (e, ctx) -> handle(e, ctx));
    }

    static void handle(Throwable thrown, Context ctx) {
        Throwable e = unwrap(thrown);
        if (e instanceof HttpResponseException h) {
            if (h.getStatus() == 401) {
                ctx.header("WWW-Authenticate", "Bearer realm=\"parley\"");
            }
            send(ctx, h.getStatus(), h.getMessage());
        } else if (e instanceof RoomAdminException r) {
            send(ctx, switch (r.reason()) {
                case NOT_FOUND -> 404;
                case EXISTS, LIMIT_REACHED -> 409;
                case INVALID -> 400;
            }, e.getMessage());
        } else if (e instanceof InvalidAccountException) {
            send(ctx, 400, e.getMessage());
        } else if (e instanceof StorageException) {
            log.warn("{} {}: storage unavailable: {}", ctx.method(), ctx.path(), e.getMessage());
            send(ctx, 503, "The database is unavailable, try again later");
        } else {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            send(ctx, 500, "Internal server error");
        }
    }

    static void send(Context ctx, int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message == null || message.isBlank() ? defaultMessage(status) : message);
        body.put("status", status);
        ctx.status(status).json(body);
    }

    private static String defaultMessage(int status) {
        return switch (status) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            default -> "HTTP " + status;
        };
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
