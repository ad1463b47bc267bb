package org.parley.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.parley.server.admin.TokenScope;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.server.muc.admin.RoomSpec;
import org.parley.server.contacts.ContactsJson;
import org.parley.server.contacts.ImportReport;
import org.parley.server.contacts.UserContacts;
import org.parley.server.directory.UserCheckReport;
import org.parley.server.addressing.AddressScheme;
import org.parley.server.addressing.AddressingJson;
import org.parley.server.addressing.AddressingService;
import org.parley.server.addressing.MigrationPlan;

/** {@link AdminAccess} through a running server's REST API ({@code openapi.yaml}). */
final class RemoteAdmin implements AdminAccess {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    // Creating a user derives SCRAM keys (PBKDF2) on a busy server: allow time.
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final String token;
    private final HttpClient client;
    private final ObjectMapper mapper = new ObjectMapper();

    RemoteAdmin(URI base, String token) {
        this.base = base;
        this.token = token;
        this.client = newClient();
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** Whether a server answers at {@code base}; any HTTP answer counts, even 503 (it still holds the database). */
    static boolean answers(URI base) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/health")).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            newClient().send(request, HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public boolean addUser(String username, String password) {
        HttpResponse<String> r = send("POST", "/api/v1/users", Map.of("username", username, "password", password));
        return r.statusCode() == 201 || expectOr(r, 409);
    }

    @Override
    public boolean changePassword(String username, String password) {
        HttpResponse<String> r = send("PUT", "/api/v1/users/" + segment(username) + "/password", Map.of("password", password));
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public boolean deleteUser(String username) {
        HttpResponse<String> r = send("DELETE", "/api/v1/users/" + segment(username), null);
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public List<String> listUsers() {
        HttpResponse<String> r = send("GET", "/api/v1/users", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        List<String> users = new ArrayList<>();
        parse(r).path("users").forEach(u -> users.add(u.asText()));
        return users;
    }

    @Override
    public Map<String, Object> syncDirectory() {
        HttpResponse<String> r = send("POST", "/api/v1/directory/sync", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        parse(r).fields().forEachRemaining(e -> report.put(e.getKey(), e.getValue().asLong()));
        return report;
    }

    @Override
    public UserCheckReport checkUsers() {
        HttpResponse<String> r = send("GET", "/api/v1/users/check", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        try {
            return mapper.treeToValue(parse(r), UserCheckReport.class);
        } catch (JsonProcessingException e) {
            throw new CliFailure("the server at " + base + " answered a user check this CLI cannot read: "
                    + e.getOriginalMessage());
        }
    }

    @Override
    public List<UserContacts> exportContacts(List<String> users) {
        StringBuilder path = new StringBuilder("/api/v1/contacts");
        for (int i = 0; i < users.size(); i++) {
            path.append(i == 0 ? '?' : '&').append("user=").append(segment(users.get(i)));
        }
        HttpResponse<String> r = send("GET", path.toString(), null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        try {
            return new ContactsJson(mapper).fromJson(parse(r).get("users"));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("the server at " + base + " sent contacts this CLI cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public ImportReport importContacts(List<UserContacts> users, boolean replace) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("users", new ContactsJson(mapper).toJson(users));
        body.put("replace", replace);
        HttpResponse<String> r = send("POST", "/api/v1/contacts", body);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        JsonNode report = parse(r);
        List<String> imported = new ArrayList<>();
        report.path("imported").forEach(u -> imported.add(u.asText()));
        List<ImportReport.Failure> failed = new ArrayList<>();
        report.path("failed").forEach(f -> failed.add(
                new ImportReport.Failure(f.path("user").asText(), f.path("reason").asText())));
        return new ImportReport(imported, failed);
    }

    @Override
    public String createToken(String name, Set<TokenScope> scopes) {
        HttpResponse<String> r = send("POST", "/api/v1/tokens", Map.of("name", name,
                "scopes", scopes.stream().map(TokenScope::value).sorted().toList()));
        if (r.statusCode() != 201) {
            throw failure(r);
        }
        return parse(r).path("token").asText();
    }

    @Override
    public Map<String, String> listDomains() {
        HttpResponse<String> r = send("GET", "/api/v1/domains", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        parse(r).path("domains").forEach(d -> out.put(d.path("name").asText(), d.path("kind").asText()));
        return out;
    }

    @Override
    public AddressingService.Status addressing() {
        HttpResponse<String> r = send("GET", "/api/v1/addressing", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        return AddressingJson.status(parse(r));
    }

    @Override
    public MigrationPlan planAddressing(AddressScheme to) {
        HttpResponse<String> r = send("GET", "/api/v1/addressing/migration?to=" + segment(to.configName()), null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        return AddressingJson.plan(parse(r));
    }

    @Override
    public MigrationPlan migrateAddressing(AddressScheme to) {
        throw new CliFailure("a server runs at " + base + ": stop it first. The migration rewrites addresses the "
                + "server holds in memory (sessions, rosters, rooms); --dry-run works while it runs");
    }

    @Override
    public boolean addDomain(String name) {
        HttpResponse<String> r = send("POST", "/api/v1/domains", Map.of("name", name));
        return r.statusCode() == 201 || expectOr(r, 409);
    }

    @Override
    public boolean removeDomain(String name) {
        HttpResponse<String> r = send("DELETE", "/api/v1/domains/" + segment(name), null);
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public List<RoomView> listRooms() {
        HttpResponse<String> r = send("GET", "/api/v1/rooms", null);
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        List<RoomView> rooms = new ArrayList<>();
        parse(r).path("rooms").forEach(room -> rooms.add(room(room)));
        return rooms;
    }

    @Override
    public Optional<RoomView> room(String name) {
        HttpResponse<String> r = send("GET", "/api/v1/rooms/" + segment(name), null);
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        return Optional.of(room(parse(r)));
    }

    @Override
    public RoomView createRoom(RoomSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", spec.name());
        body.put("title", spec.title());
        body.put("description", spec.description());
        body.put("membersOnly", spec.membersOnly());
        body.put("public", spec.publicRoom());
        body.put("owners", spec.owners());
        body.put("members", spec.members());
        HttpResponse<String> r = send("POST", "/api/v1/rooms", body);
        if (r.statusCode() != 201) {
            throw failure(r);
        }
        return room(parse(r));
    }

    @Override
    public boolean destroyRoom(String name, String reason) {
        String query = reason == null ? "" : "?reason=" + segment(reason);
        HttpResponse<String> r = send("DELETE", "/api/v1/rooms/" + segment(name) + query, null);
        return r.statusCode() == 204 || expectOr(r, 404);
    }

    @Override
    public RoomView setAffiliation(String room, String user, String affiliation) {
        HttpResponse<String> r = send("PUT", "/api/v1/rooms/" + segment(room) + "/members/" + segment(user),
                Map.of("affiliation", affiliation));
        if (r.statusCode() != 200) {
            throw failure(r);
        }
        return room(parse(r));
    }

    private static RoomView room(JsonNode n) {
        Map<String, String> affs = new TreeMap<>();
        n.path("affiliations").forEach(a -> affs.put(a.path("jid").asText(), a.path("affiliation").asText()));
        List<String> occupants = new ArrayList<>();
        n.path("occupants").forEach(o -> occupants.add(o.asText()));
        return new RoomView(n.path("name").asText(), n.path("jid").asText(), n.path("title").asText(),
                n.path("description").asText(), n.path("persistent").asBoolean(), n.path("membersOnly").asBoolean(),
                n.path("public").asBoolean(), occupants, affs);
    }

    /** False when the status is the expected "no" answer; any other status is a failure. */
    private boolean expectOr(HttpResponse<String> r, int negative) {
        if (r.statusCode() == negative) {
            return false;
        }
        throw failure(r);
    }

    private HttpResponse<String> send(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body));
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, publisher)
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new CliFailure("the server at " + base + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted", e);
        }
    }

    private CliFailure failure(HttpResponse<String> r) {
        String message = parse(r).path("error").asText("HTTP " + r.statusCode());
        if (r.statusCode() == 401) {
            return new CliFailure("the server at " + base + " refused the admin token: " + message);
        }
        return new CliFailure(message);
    }

    private JsonNode parse(HttpResponse<String> r) {
        try {
            return mapper.readTree(r.body());
        } catch (JsonProcessingException e) {
            throw new CliFailure("the server at " + base + " answered " + r.statusCode() + " with something other than JSON");
        }
    }

    private static String segment(String username) {
        return URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        // HttpClient on Java 17 has no close(); its threads are daemons.
    }
}
