package org.parley.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.bench.SaltedPasswordCache;
import org.parley.bench.SaslMechanism;
import org.parley.bench.ScramClient;
import org.parley.server.auth.CredentialSource;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.auth.SaslServerSession;
import org.parley.server.auth.SaslStep;
import org.parley.server.auth.ScramCredentialFactory;
import org.parley.server.auth.ScramCredentials;
import org.parley.server.auth.ScramHash;

/**
 * The server's share of one SCRAM-SHA-1 sign-in (RFC 5802): both steps of the exchange against
 * stored keys. PBKDF2 is not in it: the server keeps StoredKey/ServerKey and never derives at
 * sign-in; the client's proof is computed once in setup (a real client caches its salted password).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx256m"})
public class ScramBenchmark {

    private static final String USER = "bench1";
    private static final String PASSWORD = "secret";

    private SaslMechanisms mechanisms;
    private final SaltedPasswordCache cache = new SaltedPasswordCache();

    @Setup
    public void setUp() {
        ScramCredentials stored = ScramCredentialFactory.derive(PASSWORD, ScramHash.SHA_1,
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII), 4096);
        CredentialSource source = new CredentialSource() {
            @Override
            public CompletionStage<Optional<ScramCredentials>> scramCredentials(String username, ScramHash hash) {
                return CompletableFuture.completedFuture(Optional.of(stored));
            }

            @Override
            public CompletionStage<Boolean> verifyPassword(String username, String password) {
                return CompletableFuture.completedFuture(false);
            }

            @Override
            public boolean supportsScram() {
                return true;
            }
        };
        mechanisms = new SaslMechanisms(source, new SecureRandom());
    }

    /** Server and client together; {@link #clientOnly} is the client's part, to subtract. */
    @Benchmark
    public SaslStep signIn() throws Exception {
        ScramClient client = new ScramClient(SaslMechanism.SCRAM_SHA_1, USER, PASSWORD, "clientnonce", cache);
        SaslServerSession session = mechanisms.start("SCRAM-SHA-1", true, null).orElseThrow();
        SaslStep.Challenge challenge = (SaslStep.Challenge) session.evaluate(utf8(client.clientFirst()))
                .toCompletableFuture().join();
        String serverFirst = new String(challenge.data(), StandardCharsets.UTF_8);
        SaslStep done = session.evaluate(utf8(client.clientFinal(serverFirst))).toCompletableFuture().join();
        if (!(done instanceof SaslStep.Success)) {
            throw new IllegalStateException("sign-in failed: " + done);
        }
        return done;
    }

    /** The client's computations alone (proof from the cached salted password), against a fixed server-first. */
    @Benchmark
    public String clientOnly() throws Exception {
        ScramClient client = new ScramClient(SaslMechanism.SCRAM_SHA_1, USER, PASSWORD, "clientnonce", cache);
        client.clientFirst();
        return client.clientFinal(SERVER_FIRST);
    }

    private static final String SERVER_FIRST = "r=clientnonceSERVERNONCE0123,s="
            + Base64.getEncoder().encodeToString("0123456789abcdef".getBytes(StandardCharsets.US_ASCII)) + ",i=4096";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
