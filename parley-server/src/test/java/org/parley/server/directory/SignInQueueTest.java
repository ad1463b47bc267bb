package org.parley.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.server.config.ConfigLoader;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/**
 * Directory sign-ins wait in a bounded queue: a full queue answers temporary-auth-failure at
 * once, and a sign-in whose client disconnects while it waits never reaches the directory.
 */
class SignInQueueTest {

    @TempDir
    Path tmp;

    @Test
    void fullQueueRefusesAtOnceAndACancelledCheckNeverRuns() throws Exception {
        try (SignInQueue queue = new SignInQueue(1, 2)) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> running = queue.submit(() -> {
                started.countDown();
                release.await(10, TimeUnit.SECONDS);
                return "a";
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicBoolean abandonedRan = new AtomicBoolean();
            CompletableFuture<String> abandoned = queue.submit(() -> {
                abandonedRan.set(true);
                return "b";
            });
            CompletableFuture<String> queued = queue.submit(() -> "c");
            CompletableFuture<String> refused = queue.submit(() -> "d");
            assertThat(refused).isCompletedExceptionally();
            assertThat(refused.handle((v, e) -> e).get()).isInstanceOf(SignInQueue.Full.class);
            assertThat(queue.waiting()).isEqualTo(2);

            abandoned.cancel(false);
            assertThat(queue.waiting()).isEqualTo(1);
            CompletableFuture<String> afterwards = queue.submit(() -> "e"); // the freed place is taken again

            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo("c");
            assertThat(afterwards.get(10, TimeUnit.SECONDS)).isEqualTo("e");
            assertThat(abandonedRan).isFalse();
        }
    }

    @Test
    void disconnectedClientsLookupIsDroppedAndOverflowIsTemporaryFailure() throws Exception {
        try (TestDirectory ldap = TestDirectory.start(tmp, 10)) {
            List<String> overrides = new ArrayList<>(ldap.overrides(ldap.ldapUrl()));
            overrides.addAll(List.of("ldap.auth=true", "ldap.poolSize=1", "ldap.maxQueuedSignIns=1"));
            AtomicReference<LdapCredentialSource> source = new AtomicReference<>();
            try (LdapDirectory directory = LdapDirectory.open(new ConfigLoader().load(null, overrides).ldap())) {
                TestServer.Builder builder = TestServer.builder();
                overrides.forEach(builder::set);
                try (TestServer server = builder.credentials((core, accounts) -> {
                    source.set(new LdapCredentialSource(directory, new DirectoryStore(core.jdbc()),
                            new VCards(core.domain().toString()), Clock.systemUTC(), accounts));
                    return source.get();
                }).start()) {
                    ldap.gate().hold("user0001");
                    // The one worker is busy with user0001's lookup, which the directory holds.
                    RawClient first = startPlain(server, "user0001", TestDirectory.password(1));
                    await().atMost(Duration.ofSeconds(10)).until(() -> ldap.gate().held() == 1);
                    // user0002 waits in the queue, which is then full.
                    RawClient second = startPlain(server, "user0002", TestDirectory.password(2));
                    await().atMost(Duration.ofSeconds(10)).until(() -> source.get().waiting() == 1);
                    try (RawClient third = server.raw()) {
                        third.startTls();
                        third.openStream();
                        assertThat(third.authenticate("user0003", TestDirectory.password(3)))
                                .contains("<temporary-auth-failure/>");
                    }
                    assertThat(ldap.gate().held()).isEqualTo(1); // still held: the refusal did not wait for it

                    abort(second); // the client gives up
                    await().atMost(Duration.ofSeconds(10)).until(() -> source.get().waiting() == 0);

                    ldap.gate().release();
                    assertThat(first.readUntilAny("<success", "</failure>")).contains("<success");
                    abort(first);
                    assertThat(ldap.gate().searched("user0002")).isFalse();

                    // The directory is fine again: user0002 signs in normally.
                    try (RawClient again = server.raw()) {
                        again.startTls();
                        again.openStream();
                        assertThat(again.authenticate("user0002", TestDirectory.password(2))).contains("<success");
                    }
                    assertThat(ldap.gate().searched("user0002")).isTrue();
                }
            }
        }
    }

    /**
     * Drops the connection (TCP reset): a TLS close would wait for the server's close_notify,
     * which a server holding its input during sign-in does not read until the answer is out.
     */
    private static void abort(RawClient client) throws java.io.IOException {
        client.socket().setSoLinger(true, 0);
        client.socket().setSoTimeout(1);
        client.close();
    }

    /** A client that sent its PLAIN credentials and has not read the answer. */
    private static RawClient startPlain(TestServer server, String user, String password) throws Exception {
        RawClient c = server.raw();
        c.startTls();
        c.openStream();
        c.send("<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>"
                + java.util.Base64.getEncoder().encodeToString(("\0" + user + "\0" + password)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "</auth>");
        return c;
    }

}
