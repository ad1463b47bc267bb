package org.parley.bench;

import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * N clients sign in (TLS, SASL, bind, initial presence) at a controlled rate and hold their
 * sessions: sign-ins per second, failures by reason, server CPU per sign-in and server RSS per
 * idle session.
 */
@Command(name = "signin", mixinStandardHelpOptions = true, description = "sign-in storm: rate, CPU and memory per session")
final class SigninCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "1000", description = "clients to sign in")
    int count;

    @Option(names = "--rate", defaultValue = "100", description = "sign-ins started per second")
    double rate;

    @Option(names = "--hold", defaultValue = "5", description = "seconds to hold the sessions after sampling")
    double holdSeconds;

    @Option(names = "--prime", defaultValue = "0", description = "sessions signed in and closed again before the"
            + " baseline sample: a freshly restarted server loads code and grows caches on its first sign-ins, which"
            + " is start-up cost, not memory per session (use the same value for every server)")
    int prime;

    @Option(names = "--stats-url", description = "Parley's GET /api/v1/stats/memory address, for live heap per session")
    String statsUrl;

    @Option(names = "--stats-token-file", description = "file holding an admin token for --stats-url (Parley: DATADIR/admin-token)")
    java.nio.file.Path statsTokenFile;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        ClientConfig config = target.clientConfig(true);
        SessionPool pool = new SessionPool(engine, config, target.accounts());
        if (prime > 0) {
            SignedIn primed = pool.signIn(prime, rate, i -> StanzaListener.IGNORE);
            primed.closeAll();
            settle();
        }
        HeapProbe heap = statsUrl == null || statsTokenFile == null ? null : new HeapProbe(statsUrl, statsTokenFile);
        // The collection before sampling RSS, so that the RSS baseline is taken after it too.
        long heapBefore = heap == null ? 0 : heap.liveHeapBytes();
        ProcessSample serverBefore = server();
        ProcessSample selfBefore = ProcessSample.self();
        SignedIn in = pool.signIn(count, rate, i -> StanzaListener.IGNORE);
        ProcessSample serverSignedIn = server();
        ProcessSample selfSignedIn = ProcessSample.self();
        settle();
        ProcessSample serverIdle = server();
        long online = in.online();
        Measurement.Figures f = new Measurement.Figures()
                .put("signedIn", online)
                .put("failed", count - online)
                .put("signinsPerSec", online / Math.max(in.seconds(), 1e-9))
                .put("signinP50Ms", Stats.percentileMs(in.signinMicros(), 50))
                .put("signinP99Ms", Stats.percentileMs(in.signinMicros(), 99))
                .put("signinMaxMs", Stats.maxMs(in.signinMicros()));
        if (serverBefore != null && online > 0) {
            f.put("serverCpuMsPerSignin", serverSignedIn.cpuMsSince(serverBefore) / online)
                    .put("serverRssKbPerSession", (double) (serverIdle.rssKb() - serverBefore.rssKb()) / online)
                    .put("serverRssMb", serverIdle.rssKb() / 1024.0);
        }
        if (heap != null && online > 0) {
            f.put("serverLiveHeapKbPerSession", (heap.liveHeapBytes() - heapBefore) / 1024.0 / online);
        }
        f.put("generatorCpuMsPerSignin", online == 0 ? Double.NaN : selfSignedIn.cpuMsSince(selfBefore) / online)
                .put("generatorCpuPct", 100 * selfSignedIn.cpuMsSince(selfBefore) / 1000 / selfSignedIn.wallSecondsSince(selfBefore));
        Thread.sleep((long) (holdSeconds * 1000));
        in.closeAll();
        return new Measurement(f.map(), new TreeMap<>(in.failures()), java.util.List.of());
    }
}
