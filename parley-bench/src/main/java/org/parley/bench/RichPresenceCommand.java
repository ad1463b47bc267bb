package org.parley.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Rich presence (Parley issue 5): N signed-in users with K mutual contacts each; phone-line
 * states pushed through the Presence Web Service at a steady rate. Reports input changes
 * absorbed per second, composed presences delivered per second and the input-to-subscriber
 * latency. Parley only (the REST API is Parley's).
 */
@Command(name = "richpresence", mixinStandardHelpOptions = true,
        description = "phone states over the Presence Web Service: changes/s, deliveries/s, input-to-subscriber latency")
final class RichPresenceCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "10000", description = "signed-in users")
    int count;

    @Option(names = {"-k", "--contacts"}, defaultValue = "50", description = "mutual contacts per user (even)")
    int contacts;

    @Option(names = "--rate", defaultValue = "2000", description = "phone-state changes per second, all users together")
    double rate;

    @Option(names = "--duration", defaultValue = "20", description = "seconds of phone-state changes")
    double duration;

    @Option(names = "--api", defaultValue = "http://127.0.0.1:9090", description = "Parley's admin API (loopback)")
    URI apiBase;

    @Option(names = "--api-token", description = "admin API token (presence:write and admin, for the contacts import)")
    String apiToken;

    @Option(names = "--api-token-file", description = "file holding the token, e.g. DATA_DIR/admin-token")
    Path apiTokenFile;

    @Option(names = "--rosters", defaultValue = "import", description = "import (replace the rosters through"
            + " POST /api/v1/contacts before signing in) or keep (they are already set up)")
    String rosters;

    @Option(names = "--signin-rate", defaultValue = "200", description = "sign-ins per second before the phase")
    double signinRate;

    @Option(names = "--in-flight", defaultValue = "256", description = "most HTTP requests outstanding at once")
    int inFlight;

    @Option(names = "--http-connections", defaultValue = "64", description = "keep-alive connections for the phone"
            + " changes (requests pipelined on them); 0 uses java.net.http instead")
    int httpConnections;

    @Option(names = "--warm-seconds", defaultValue = "20", description = "seconds of unmeasured phone changes at"
            + " --rate before the measured ones, so that neither JIT compiles the change path during the measurement")
    double warmSeconds;

    @Option(names = "--drain", defaultValue = "10", description = "seconds to wait for in-flight presences")
    double drain;

    @Option(names = "--quiet-max", defaultValue = "60", description = "most seconds to wait for the sign-in traffic to end")
    double quietMax;

    /** Stanzas received between sign-in and the phase (presences of the sign-ins), bumped on the event loops. */
    private final java.util.concurrent.atomic.AtomicLong setUpCount = new java.util.concurrent.atomic.AtomicLong();

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        HttpPipelines pipelines = httpConnections > 0
                ? new HttpPipelines(engine.bootstrap(), apiBase.getHost(), apiBase.getPort(), httpConnections) : null;
        try {
            return measure(engine, new PresenceApi(apiBase, token(), pipelines));
        } finally {
            if (pipelines != null) {
                pipelines.close();
            }
        }
    }

    private Measurement measure(ClientEngine engine, PresenceApi api) throws Exception {
        Accounts accounts = target.accounts();
        List<String> jids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            jids.add(accounts.user(i) + "@" + target.domain);
        }
        if (contacts % 2 != 0 || contacts >= count) {
            throw new IllegalArgumentException("--contacts must be even and below the user count");
        }
        if (rosters.equals("import")) {
            long t0 = System.nanoTime();
            api.importRosters(0, count, 200, jids::get, this::contactsOf);
            System.err.printf("richpresence: rosters of %d users imported in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
        }
        int stale = api.idleAllLines(jids, inFlight);
        if (stale > 0) {
            System.err.printf("richpresence: %d phone lines left busy by earlier runs set back to idle%n", stale);
        }
        StanzaListener setUp = (client, stanza) -> setUpCount.incrementAndGet();
        SignedIn in = new SessionPool(engine, target.clientConfig(true), accounts)
                .signIn(count, signinRate, i -> setUp);
        try {
            settle();
            quiet();
            warmUp(in, api);
            long planned = (long) Math.ceil(rate * duration);
            RichPresenceTraffic traffic = new RichPresenceTraffic(in.clients(), this::contactsOf, api, planned, inFlight);
            traffic.attach();
            System.err.printf("richpresence: %d signed in; phone changes start%n", in.online());
            ProcessSample serverBefore = server();
            ProcessSample selfBefore = ProcessSample.self();
            Pacer.run(rate, planned, Duration.ofMillis((long) (duration * 1000)), traffic::send);
            double sendSeconds = ProcessSample.self().wallSecondsSince(selfBefore);
            if (!traffic.drain((long) (drain * 1000))) {
                System.err.println("richpresence: " + traffic.lossReport());
            }
            ProcessSample serverAfter = server();
            ProcessSample selfAfter = ProcessSample.self();
            traffic.unexpectedSamples().forEach(u -> System.err.println("richpresence: unexpected: " + u));
            Histogram h = traffic.latencyMicros();
            Histogram http = traffic.httpMicros();
            long delivered = traffic.delivered();
            Measurement.Figures f = new Measurement.Figures()
                    .put("rate", rate)
                    .put("changes", traffic.changes())
                    .put("changesAccepted", traffic.accepted())
                    .put("changesRejected", traffic.rejected())
                    .put("changesPerSec", traffic.accepted() / sendSeconds)
                    .put("expectedDeliveries", traffic.expected())
                    .put("delivered", delivered)
                    .put("lost", traffic.expected() - delivered)
                    .put("unexpected", traffic.unexpected())
                    .put("deliveriesPerSec", delivered / sendSeconds)
                    .put("p50Ms", Stats.percentileMs(h, 50))
                    .put("p99Ms", Stats.percentileMs(h, 99))
                    .put("maxMs", Stats.maxMs(h))
                    .put("httpP99Ms", Stats.percentileMs(http, 99));
            if (serverBefore != null && delivered > 0) {
                f.put("serverCpuUsPerDelivery", serverAfter.cpuMsSince(serverBefore) * 1000 / delivered);
            }
            f.put("generatorCpuPct", 100 * selfAfter.cpuMsSince(selfBefore) / 1000 / selfAfter.wallSecondsSince(selfBefore))
                    .put("signedIn", in.online());
            // After the figures: the reset's presences (back to available) would count as unexpected.
            traffic.reset();
            return new Measurement(f.map(), new TreeMap<>(in.failures()), List.of());
        } finally {
            in.closeAll();
        }
    }

    /**
     * Phone changes on a line of their own, unmeasured: the sign-ins warmed the sign-in code, not
     * the change path (REST, recomposition, fan-out, the generator's receive path), and both JVMs
     * compiling it took a third of a core during the first seconds of a measured phase.
     */
    private void warmUp(SignedIn in, PresenceApi api) throws InterruptedException {
        if (warmSeconds <= 0) {
            return;
        }
        long planned = (long) Math.ceil(rate * warmSeconds);
        RichPresenceTraffic warm = new RichPresenceTraffic(in.clients(), this::contactsOf, api, planned, inFlight);
        warm.attach();
        System.err.printf("richpresence: warm-up, %.0f s of changes%n", warmSeconds);
        Pacer.run(rate, planned, Duration.ofMillis((long) (warmSeconds * 1000)), warm::send);
        warm.drain((long) (drain * 1000));
        warm.reset();
        // The reset's presences are on their way: let them land on the warm-up's listeners.
        Thread.sleep(2000);
    }

    /**
     * Waits (up to --quiet-max seconds) until the sign-in traffic has ended: 2 s without a stanza.
     * Each sign-in broadcasts the user's presence to its online contacts and probes them; at
     * 10,000 users that is about a million presences, and ones still arriving when the changes
     * start compete with them and show up as unexpected presences.
     */
    private void quiet() throws InterruptedException {
        long deadline = System.currentTimeMillis() + (long) (quietMax * 1000);
        long last = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            long now = setUpCount.get();
            if (now != last) {
                last = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= 2000) {
                return;
            }
            Thread.sleep(200);
        }
        System.err.println("richpresence: sign-in traffic still arriving after " + quietMax + " s; starting anyway");
    }

    /** User i's contacts: its K/2 neighbours on each side of the ring of N users (mutual by construction). */
    List<Integer> contactsOf(int i) {
        List<Integer> out = new ArrayList<>(contacts);
        for (int d = 1; d <= contacts / 2; d++) {
            out.add((i + d) % count);
            out.add((i - d + count) % count);
        }
        return out;
    }

    private String token() throws java.io.IOException {
        if (apiToken != null) {
            return apiToken;
        }
        if (apiTokenFile != null) {
            return Files.readString(apiTokenFile).trim();
        }
        throw new IllegalArgumentException("give --api-token or --api-token-file");
    }
}
