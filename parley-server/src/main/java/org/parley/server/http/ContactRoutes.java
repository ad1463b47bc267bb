package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.parley.server.account.AccountService;
import org.parley.server.contacts.ContactTransfer;
import org.parley.server.contacts.ContactsJson;
import org.parley.server.contacts.UserContacts;

/**
 * {@code /api/v1/contacts}: export (GET, every user or those named by {@code user} parameters)
 * and import (POST) of contact lists. An import writes each user in one transaction and reports
 * per user; online users get roster pushes.
 */
public final class ContactRoutes implements HttpRoutes {

    static final String CONTACTS = "/api/v1/contacts";

    private final ContactTransfer transfer;
    private final ObjectMapper mapper;
    private final ContactsJson json;
    private final JsonBodies bodies;

    public ContactRoutes(ContactTransfer transfer, ObjectMapper mapper) {
        this.transfer = transfer;
        this.mapper = mapper;
        this.json = new ContactsJson(mapper);
        this.bodies = new JsonBodies(mapper);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(CONTACTS, this::export);
        routes.post(CONTACTS, this::importContacts);
    }

    private void export(Context ctx) {
        List<String> users = new ArrayList<>();
        for (String u : ctx.queryParams("user")) {
            users.add(AccountService.normalize(u));
        }
        ctx.future(() -> transfer.export(users).handle((lists, error) -> {
            if (error == null) {
                ctx.json(Map.of("users", json.toJson(lists)));
                return null;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ContactTransfer.NoSuchUser e) {
                throw new HttpResponseException(404, e.getMessage());
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        }));
    }

    private void importContacts(Context ctx) {
        JsonNode body = bodies.object(ctx);
        List<UserContacts> users;
        try {
            users = json.fromJson(body.get("users"));
        } catch (IllegalArgumentException e) {
            throw new HttpResponseException(400, e.getMessage());
        }
        JsonNode replace = body.get("replace");
        if (replace != null && !replace.isBoolean()) {
            throw new HttpResponseException(400, "Field 'replace' must be a boolean");
        }
        ctx.future(() -> transfer.importAll(users, replace != null && replace.asBoolean())
                .thenAccept(report -> ctx.json(mapper.valueToTree(report))));
    }
}
