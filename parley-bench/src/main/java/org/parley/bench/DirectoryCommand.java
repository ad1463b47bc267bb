package org.parley.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The directory scenario (issue 6) against a running Parley: a full directory sync through the
 * admin API (wall time, the server's own figure, server CPU, peak RSS, live heap before and
 * after), then N sign-ins at a controlled rate with server CPU per sign-in. Run it once against a
 * Parley with {@code ldap.auth=true} (PLAIN, checked by the directory) and once against local
 * accounts ({@code --provision}, SCRAM keys made by the server) to compare the cost of a sign-in;
 * the directory itself runs in another process ({@code directory ldap}), so the server's figures
 * are Parley's alone.
 */
@Command(name = "directory", mixinStandardHelpOptions = true, subcommands = LdapFixtureCommand.class,
        description = "directory sync time/memory and sign-in cost against a running Parley")
final class DirectoryCommand extends ScenarioCommand {

    // Not required=true: picocli would then demand it of `directory ldap` too.
    @Option(names = "--data-dir", description = "Parley's dataDir (admin-api and admin-token are read there)")
    Path dataDir;

    @Option(names = "--sync", description = "run a full directory sync first (POST /api/v1/directory/sync)")
    boolean sync;

    @Option(names = "--sync-timeout", defaultValue = "900", description = "seconds the sync may take")
    int syncTimeoutSeconds;

    @Option(names = "--heap", negatable = true, defaultValue = "true",
            description = "live heap after a full GC around the sync (jcmd GC.run; --no-heap to skip)")
    boolean heap;

    @Option(names = "--provision", description = "create the N accounts through POST /api/v1/users first (local mode)")
    boolean provision;

    @Option(names = "--provision-in-flight", defaultValue = "8", description = "concurrent user-creation requests")
    int provisionInFlight;

    @Option(names = {"-n", "--count"}, defaultValue = "1000", description = "clients to sign in (0: sync only)")
    int count;

    @Option(names = "--rate", defaultValue = "50", description = "sign-ins started per second")
    double rate;

    @Option(names = "--warm-signins", defaultValue = "50",
            description = "sign-ins done (and closed) before measuring: warms the LDAP pool and the JIT")
    int warmSignins;

    @Option(names = "--hold", defaultValue = "2", description = "seconds to hold the sessions after sampling")
    double holdSeconds;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir (Parley's dataDir) is needed");
        }
        AdminApi api = AdminApi.fromDataDir(dataDir);
        Measurement.Figures f = new Measurement.Figures();
        Map<String, Long> failures = new TreeMap<>();
        if (provision) {
            long t0 = System.nanoTime();
            Map<String, Long> failed = api.createUsers(target.accounts(), Math.max(count, warmSignins), provisionInFlight);
            failed.forEach((k, v) -> failures.merge("provision: " + k, v, Long::sum));
            f.put("provisionSeconds", (System.nanoTime() - t0) / 1e9);
        }
        if (sync) {
            syncPhase(api, f);
        }
        if (count > 0) {
            signinPhase(engine, f, failures);
        }
        return new Measurement(f.map(), failures, List.of());
    }

    private void syncPhase(AdminApi api, Measurement.Figures f) throws IOException, InterruptedException {
        ServerMemory memory = serverPid == null ? null : new ServerMemory(serverPid);
        if (memory != null && heap) {
            f.put("syncLiveHeapBeforeMb", mb(memory.liveHeapKb()));
        }
        boolean peakReset = memory != null && memory.resetPeak();
        ProcessSample before = server();
        f.put("syncLoadAvg1", loadAverage());
        long t0 = System.nanoTime();
        JsonNode report = api.sync(Duration.ofSeconds(syncTimeoutSeconds));
        long wallNanos = System.nanoTime() - t0;
        ProcessSample after = server();
        f.put("syncWallMs", wallNanos / 1e6)
                .put("syncServerMs", report.path("millis").asDouble(Double.NaN))
                .put("syncSeen", report.path("seen").asDouble(Double.NaN))
                .put("syncCreated", report.path("created").asDouble(Double.NaN))
                .put("syncUpdated", report.path("updated").asDouble(Double.NaN))
                .put("syncUnchanged", report.path("unchanged").asDouble(Double.NaN))
                .put("syncUsersPerSec", report.path("seen").asDouble(Double.NaN) / (wallNanos / 1e9));
        if (before != null) {
            f.put("syncServerCpuMs", after.cpuMsSince(before))
                    .put("syncRssBeforeMb", before.rssKb() / 1024.0)
                    .put("syncRssAfterMb", after.rssKb() / 1024.0)
                    .put("syncRssPeakMb", peakReset ? mb(memory.peakRssKb()) : Double.NaN);
        }
        if (memory != null && heap) {
            f.put("syncLiveHeapAfterMb", mb(memory.liveHeapKb()));
        }
    }

    private void signinPhase(ClientEngine engine, Measurement.Figures f, Map<String, Long> failures) throws Exception {
        ClientConfig config = target.clientConfig(true);
        SessionPool pool = new SessionPool(engine, config, target.accounts());
        if (warmSignins > 0) {
            SignedIn warm = pool.signIn(warmSignins, rate, i -> StanzaListener.IGNORE);
            warm.failures().forEach((k, v) -> failures.merge("warm-up: " + k, v, Long::sum));
            warm.closeAll();
            settle();
        }
        f.put("signinLoadAvg1", loadAverage());
        ProcessSample serverBefore = server();
        ProcessSample selfBefore = ProcessSample.self();
        SignedIn in = pool.signIn(count, rate, i -> StanzaListener.IGNORE);
        ProcessSample serverAfter = server();
        ProcessSample selfAfter = ProcessSample.self();
        long online = in.online();
        f.put("signedIn", online)
                .put("failed", count - online)
                .put("signinsPerSec", online / Math.max(in.seconds(), 1e-9))
                .put("signinP50Ms", Stats.percentileMs(in.signinMicros(), 50))
                .put("signinP99Ms", Stats.percentileMs(in.signinMicros(), 99));
        if (serverBefore != null && online > 0) {
            f.put("serverCpuMsPerSignin", serverAfter.cpuMsSince(serverBefore) / online)
                    .put("serverCpuPct", 100 * serverAfter.cpuMsSince(serverBefore) / 1000
                            / serverAfter.wallSecondsSince(serverBefore));
        }
        f.put("generatorCpuMsPerSignin", online == 0 ? Double.NaN : selfAfter.cpuMsSince(selfBefore) / online);
        failures.putAll(in.failures());
        Thread.sleep((long) (holdSeconds * 1000));
        in.closeAll();
    }

    private static double mb(long kb) {
        return kb < 0 ? Double.NaN : kb / 1024.0;
    }

    /** The 1-minute load average: on a shared machine every figure needs it next to it. */
    static double loadAverage() {
        try {
            return parseLoadAverage(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double parseLoadAverage(String loadavg) {
        return Double.parseDouble(loadavg.trim().split("\\s+")[0]);
    }
}
