package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.account.Accounts;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.server.richpresence.ManualStatus;
import org.parley.server.richpresence.PhoneState;
import org.parley.server.richpresence.RichPresence;

/**
 * The Presence Web Service (issue 5): read a user's composed presence and its inputs, set and
 * clear manual presence, push phone-line and application states, and stream composed changes
 * ({@link PresenceStream}). {@code {jid}} is a local bare JID (a bare username means one at this
 * domain). Needs presence:read for GET and presence:write for changes ({@link BearerAuth}).
 */
public final class PresenceRoutes implements HttpRoutes {

    static final String PRESENCE = "/api/v1/presence";
    static final String STREAM = PRESENCE + "/stream";
    static final String USER = PRESENCE + "/{jid}";
    static final String MANUAL = USER + "/manual";
    static final String PHONE = USER + "/phone/{line}";
    static final String APP = USER + "/apps/{app}";
    private static final int MAX_STATUS = 1024;
    private static final int MAX_NAME = 64;

    private final RichPresence presence;
    private final Accounts accounts;
    private final DomainBareJid domain;
    private final JsonBodies bodies;
    private final PresenceStream stream;

    public PresenceRoutes(RichPresence presence, Accounts accounts, DomainBareJid domain, ObjectMapper mapper,
                          java.util.concurrent.Executor sender) {
        this.presence = presence;
        this.accounts = accounts;
        this.domain = domain;
        this.bodies = new JsonBodies(mapper);
        this.stream = new PresenceStream(presence, mapper, sender, this::localUser, this::existing);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(STREAM, stream::handle); // before {jid}, which would match "stream" too
        routes.get(USER, this::get);
        routes.put(MANUAL, this::setManual);
        routes.delete(MANUAL, ctx -> change(ctx, user -> presence.clearManual(user)));
        routes.put(PHONE, this::setPhone);
        routes.put(APP, this::setApp);
        routes.delete(APP, ctx -> {
            String app = name(ctx.pathParam("app"), "app");
            change(ctx, user -> presence.clearApp(user, app));
        });
    }

    private void get(Context ctx) {
        EntityBareJid user = localUser(ctx.pathParam("jid"));
        ctx.future(() -> existing(user).thenCompose(presence::view)
                .thenAccept(view -> ctx.json(PresenceJson.view(view))));
    }

    private void setManual(Context ctx) {
        JsonNode body = bodies.object(ctx);
        Show show = switch (text(body, "show", true)) {
            case "dnd" -> Show.DND;
            case "away" -> Show.AWAY;
            case "available" -> Show.AVAILABLE;
            default -> throw new HttpResponseException(400, "Field 'show' must be dnd, away or available");
        };
        Availability a = new Availability(show, text(body, "status", false));
        change(ctx, user -> presence.setManual(user, new ManualStatus(a, null)));
    }

    private void setPhone(Context ctx) {
        String line = name(ctx.pathParam("line"), "line");
        PhoneState state = PhoneState.parse(text(bodies.object(ctx), "state", true)).orElseThrow(() ->
                new HttpResponseException(400, "Field 'state' must be idle, ringing, busy or dnd"));
        change(ctx, user -> presence.setPhone(user, line, state));
    }

    private void setApp(Context ctx) {
        String app = name(ctx.pathParam("app"), "app");
        JsonNode body = bodies.object(ctx);
        String showText = text(body, "show", true);
        Show show = null;
        for (Show s : Show.values()) {
            if (showText.equals(s.xmlValue()) || (s == Show.AVAILABLE && showText.equals("available"))) {
                show = s;
            }
        }
        if (show == null) {
            throw new HttpResponseException(400, "Field 'show' must be available, chat, away, xa or dnd");
        }
        Availability a = new Availability(show, text(body, "status", false));
        change(ctx, user -> presence.setApp(user, app, a));
    }

    /** Validates everything first (400s), then checks the user (404), applies, and answers the new view. */
    private void change(Context ctx, java.util.function.Consumer<EntityBareJid> apply) {
        EntityBareJid user = localUser(ctx.pathParam("jid"));
        ctx.future(() -> existing(user).thenCompose(u -> {
            apply.accept(u);
            return presence.view(u);
        }).thenAccept(view -> ctx.json(PresenceJson.view(view))));
    }

    EntityBareJid localUser(String jid) {
        EntityBareJid parsed;
        try {
            parsed = jid.contains("@") ? JidCreate.entityBareFrom(jid) : JidCreate.entityBareFrom(jid + "@" + domain);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new HttpResponseException(400, "Not a valid bare JID: " + jid);
        }
        if (!parsed.getDomain().equals(domain)) {
            throw new HttpResponseException(404, "No user " + parsed + " on this server");
        }
        return parsed;
    }

    /** The user if the account exists (404 otherwise); online users are known to exist without a query. */
    CompletableFuture<EntityBareJid> existing(EntityBareJid user) {
        if (presence.isOnline(user)) {
            // Skips one database query on the blocking pool per Presence Web Service call: the
            // rich-presence benchmark pushes thousands of phone changes a second for online users.
            return CompletableFuture.completedFuture(user);
        }
        return accounts.exists(user.asEntityBareJidString()).thenApply(exists -> {
            if (!exists) {
                throw new HttpResponseException(404, "No user " + user);
            }
            return user;
        });
    }

    private static String text(JsonNode body, String field, boolean required) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new HttpResponseException(400, "Field '" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().length() > MAX_STATUS) {
            throw new HttpResponseException(400, "Field '" + field + "' must be a string of at most " + MAX_STATUS + " characters");
        }
        return v.asText();
    }

    private static String name(String value, String what) {
        if (value.isBlank() || value.length() > MAX_NAME) {
            throw new HttpResponseException(400, "The " + what + " name must have 1 to " + MAX_NAME + " characters");
        }
        return value;
    }
}
