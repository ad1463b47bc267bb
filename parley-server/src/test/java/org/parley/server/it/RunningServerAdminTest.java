package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jivesoftware.smack.ConnectionListener;
import org.jivesoftware.smack.XMPPException.StreamErrorException;
import org.jivesoftware.smack.packet.StreamError;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.admin.LocalAdminFiles;
import org.parley.server.cli.ParleyCli;

/**
 * The admin faces of the real {@code ParleyServer} while it runs: the CLI (which finds the admin
 * API through the data directory) adding and deleting a user that a Smack client then uses, and
 * the REST API refusing a bad token and bad JSON.
 */
class RunningServerAdminTest {

    @TempDir
    static Path dataDir;
    private static RunningServer server;

    @BeforeAll
    static void start() throws Exception {
        server = RunningServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Runs {@code parley ARGS --set dataDir=...} in-process; returns the exit code, output in {@code out}. */
    private static int cli(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--set");
        all.add("dataDir=" + dataDir);
        return ParleyCli.commandLine(new PrintWriter(out, true), new PrintWriter(out, true))
                .execute(all.toArray(String[]::new));
    }

    @Test
    void adminApiFileNamesTheRealPort() throws Exception {
        URI published = new LocalAdminFiles(dataDir).apiAddress().orElseThrow();
        assertThat(published.getPort()).isEqualTo(server.server().http().port()).isPositive();
    }

    @Test
    void cliAddsAUserWhoSignsInAndDeletesItEndingItsSession() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(cli(out, "user", "add", "carol", "carols-secret")).as(out.toString()).isZero();

        XMPPTCPConnection carol = server.connection("carol", "carols-secret", "phone");
        AtomicReference<Exception> closedWith = new AtomicReference<>();
        carol.addConnectionListener(new ConnectionListener() {
            @Override
            public void connectionClosedOnError(Exception e) {
                closedWith.set(e);
            }
        });
        carol.connect().login();
        assertThat(carol.isAuthenticated()).isTrue();

        assertThat(cli(out, "user", "delete", "carol")).as(out.toString()).isZero();
        await().atMost(Inbox.WAIT).until(() -> closedWith.get() != null);
        assertThat(closedWith.get()).isInstanceOfSatisfying(StreamErrorException.class, e ->
                assertThat(e.getStreamError().getCondition()).isEqualTo(StreamError.Condition.not_authorized));
        assertThat(server.server().accounts().exists("carol").join()).isFalse();
    }

    @Test
    void adminApiRefusesABadTokenAndBadJson() throws Exception {
        URI api = new LocalAdminFiles(dataDir).apiAddress().orElseThrow();
        String token = Files.readString(dataDir.resolve(LocalAdminFiles.TOKEN_FILE)).strip();
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();

        HttpResponse<String> badToken = http.send(post(api, "Bearer not-a-token",
                "{\"username\":\"mallory\",\"password\":\"x\"}"), HttpResponse.BodyHandlers.ofString());
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertThat(json.readTree(badToken.body()).get("status").asInt()).isEqualTo(401);

        HttpResponse<String> badJson = http.send(post(api, "Bearer " + token, "{\"username\":"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(badJson.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(badJson.body());
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("error").asText()).isNotBlank();

        assertThat(server.server().accounts().exists("mallory").join()).isFalse();
    }

    private static HttpRequest post(URI api, String authorization, String body) {
        return HttpRequest.newBuilder(api.resolve("/api/v1/users"))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
