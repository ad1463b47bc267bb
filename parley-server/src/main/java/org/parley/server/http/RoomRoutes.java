package org.parley.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;
import org.parley.server.muc.admin.RoomAdministration;
import org.parley.server.muc.admin.RoomInfo;
import org.parley.server.muc.admin.RoomSpec;

/**
 * {@code /api/v1/rooms}: list, inspect, create (persistent, with owners and members) and destroy
 * chat rooms, and manage their affiliations. Works on the live rooms, so occupants see a
 * destruction or a ban at once. Refusals (no such room, name taken, a limit reached) come back as
 * {@code RoomAdminException} and become 404, 409 or 400 in {@link ApiErrors}.
 */
public final class RoomRoutes implements HttpRoutes {

    static final String ROOMS = "/api/v1/rooms";
    static final String ROOM = ROOMS + "/{room}";
    static final String MEMBERS = ROOM + "/members";
    static final String MEMBER = MEMBERS + "/{jid}";

    private final RoomAdministration rooms;
    private final JsonBodies bodies;

    public RoomRoutes(RoomAdministration rooms, ObjectMapper mapper) {
        this.rooms = rooms;
        this.bodies = new JsonBodies(mapper);
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get(ROOMS, this::list);
        routes.post(ROOMS, this::create);
        routes.get(ROOM, this::info);
        routes.delete(ROOM, this::destroy);
        routes.get(MEMBERS, this::members);
        routes.put(MEMBER, this::setAffiliation);
        routes.delete(MEMBER, this::removeAffiliation);
    }

    private void list(Context ctx) {
        ctx.future(() -> rooms.list().thenAccept(all -> ctx.json(Map.of("rooms", all.stream().map(RoomRoutes::json).toList()))));
    }

    private void info(Context ctx) {
        String name = ctx.pathParam("room");
        ctx.future(() -> rooms.info(name).thenAccept(room -> ctx.json(json(room.orElseThrow(() -> notFound(name))))));
    }

    private void create(Context ctx) {
        JsonNode body = bodies.object(ctx);
        RoomSpec spec = new RoomSpec(JsonBodies.requiredText(body, "name"), body.path("title").asText(""),
                body.path("description").asText(""), body.path("membersOnly").asBoolean(false),
                body.path("public").asBoolean(true), strings(body, "owners"), strings(body, "members"));
        ctx.future(() -> rooms.create(spec).thenAccept(room ->
                ctx.status(201).header("Location", ROOMS + "/" + room.name()).json(json(room))));
    }

    private void destroy(Context ctx) {
        String name = ctx.pathParam("room");
        String reason = ctx.queryParam("reason");
        ctx.future(() -> rooms.destroy(name, reason).thenAccept(done -> {
            if (!done) {
                throw notFound(name);
            }
            ctx.status(204);
        }));
    }

    private void members(Context ctx) {
        String name = ctx.pathParam("room");
        ctx.future(() -> rooms.info(name).thenAccept(room ->
                ctx.json(Map.of("affiliations", affiliations(room.orElseThrow(() -> notFound(name)))))));
    }

    private void setAffiliation(Context ctx) {
        String name = ctx.pathParam("room");
        String jid = ctx.pathParam("jid");
        String value = JsonBodies.requiredText(bodies.object(ctx), "affiliation");
        Affiliation affiliation = Affiliation.parse(value);
        if (affiliation == null) {
            throw new HttpResponseException(400, "affiliation must be owner, admin, member, outcast or none");
        }
        ctx.future(() -> rooms.setAffiliation(name, jid, affiliation).thenAccept(room -> ctx.json(json(room))));
    }

    private void removeAffiliation(Context ctx) {
        String name = ctx.pathParam("room");
        String jid = ctx.pathParam("jid");
        ctx.future(() -> rooms.setAffiliation(name, jid, Affiliation.NONE).thenAccept(room -> ctx.status(204)));
    }

    private static List<String> strings(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new HttpResponseException(400, "Field '" + field + "' must be an array of user names or JIDs");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    static Map<String, Object> json(RoomInfo room) {
        RoomConfig c = room.config();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", room.name());
        out.put("jid", room.jid());
        out.put("title", c.name());
        out.put("description", c.description());
        out.put("persistent", c.persistent());
        out.put("public", c.publicRoom());
        out.put("membersOnly", c.membersOnly());
        out.put("moderated", c.moderated());
        out.put("passwordProtected", c.passwordProtected());
        out.put("nonAnonymous", c.nonAnonymous());
        out.put("maxUsers", c.maxUsers());
        out.put("subject", room.subject());
        out.put("occupants", room.occupants());
        out.put("affiliations", affiliations(room));
        return out;
    }

    private static List<Map<String, String>> affiliations(RoomInfo room) {
        return room.affiliations().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Map.of("jid", e.getKey(), "affiliation", e.getValue().xmlValue())).toList();
    }

    private static HttpResponseException notFound(String name) {
        return new HttpResponseException(404, "No room " + name);
    }
}
