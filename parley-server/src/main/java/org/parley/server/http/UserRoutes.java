package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import org.parley.server.account.AccountService;
import org.parley.server.account.Accounts;

/**
 * {@code /api/v1/users}: list, create, change password, delete. Handlers return futures, so no
 * request thread waits on password hashing or the database. Deleting a user ends its sessions:
 * the account service publishes UserDeleted, which the core turns into stream errors.
 */
public final class UserRoutes implements HttpRoutes {

    static final String USERS = "/api/v1/users";
    static final String USER = USERS + "/{name}";
    static final String PASSWORD = USER + "/password";

    private final Accounts accounts;
    private final JsonBodies bodies;

    public UserRoutes(Accounts accounts, ObjectMapper mapper) {
        this.accounts = accounts;
        this.bodies = new JsonBodies(mapper);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(USERS, this::list);
        routes.post(USERS, this::create);
        routes.put(PASSWORD, this::changePassword);
        routes.delete(USER, this::delete);
    }

    private void list(Context ctx) {
        ctx.future(() -> accounts.list().thenAccept(users -> ctx.json(Map.of("users", users))));
    }

    private void create(Context ctx) {
        JsonNode body = bodies.object(ctx);
        String username = JsonBodies.requiredText(body, "username");
        String password = JsonBodies.requiredText(body, "password");
        String normalized = AccountService.normalize(username);
        ctx.future(() -> accounts.create(normalized, password).thenAccept(created -> {
            if (!created) {
                throw new HttpResponseException(409, "User " + normalized + " already exists");
            }
            ctx.status(201).header("Location", USERS + "/" + normalized).json(Map.of("username", normalized));
        }));
    }

    private void changePassword(Context ctx) {
        String username = AccountService.normalize(ctx.pathParam("name"));
        String password = JsonBodies.requiredText(bodies.object(ctx), "password");
        ctx.future(() -> accounts.changePassword(username, password).thenAccept(changed -> {
            if (!changed) {
                throw notFound(username);
            }
            ctx.status(204);
        }));
    }

    private void delete(Context ctx) {
        String username = AccountService.normalize(ctx.pathParam("name"));
        ctx.future(() -> accounts.delete(username).thenAccept(deleted -> {
            if (!deleted) {
                throw notFound(username);
            }
            ctx.status(204);
        }));
    }

    private static HttpResponseException notFound(String username) {
        return new HttpResponseException(404, "No user " + username);
    }
}
