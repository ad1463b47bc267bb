package org.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** N clients with K mutual contacts each change presence at a controlled total rate. */
@Command(name = "presence", mixinStandardHelpOptions = true, description = "presence broadcast: deliveries/s and latency")
final class PresenceCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "200", description = "clients")
    int count;

    @Option(names = {"-k", "--contacts"}, defaultValue = "10", description = "mutual contacts per client (even)")
    int contacts;

    @Option(names = "--rate", defaultValue = "50", description = "presence changes per second, all clients together")
    double rate;

    @Option(names = "--duration", defaultValue = "20", description = "seconds of presence changes")
    double duration;

    @Option(names = "--signin-rate", defaultValue = "200", description = "sign-ins per second before the phase")
    double signinRate;

    @Option(names = "--setup-rate", defaultValue = "200", description = "roster pairs subscribed per second when missing")
    double setupRate;

    @Option(names = "--drain", defaultValue = "5", description = "seconds to wait for in-flight presences")
    double drain;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        SignedIn in = new SessionPool(engine, target.clientConfig(true), target.accounts())
                .signIn(count, signinRate, i -> StanzaListener.IGNORE);
        try {
            RosterRing ring = new RosterRing(in.clients(), contacts);
            long incomplete = ring.establish(setupRate, 120_000);
            double settled = settle();
            PresenceTraffic traffic = new PresenceTraffic(in.clients(), ring);
            traffic.attach();
            ProcessSample serverBefore = server();
            ProcessSample selfBefore = ProcessSample.self();
            HostSteal stealBefore = HostSteal.now();
            long issued = Pacer.run(rate, (long) Math.ceil(rate * duration), Duration.ofMillis((long) (duration * 1000)), traffic::send);
            double sendSeconds = ProcessSample.self().wallSecondsSince(selfBefore);
            traffic.drain((long) (drain * 1000));
            ProcessSample serverAfter = server();
            ProcessSample selfAfter = ProcessSample.self();
            double stealPct = HostSteal.now().pctSince(stealBefore);
            Histogram h = traffic.latencyMicros();
            long unique = traffic.unique();
            Measurement.Figures f = new Measurement.Figures()
                    .put("rate", rate)
                    .put("changes", issued)
                    .put("expectedDeliveries", traffic.expected())
                    .put("delivered", unique)
                    .put("lost", traffic.expected() - unique)
                    .put("duplicated", traffic.duplicated())
                    .put("deliveriesPerSec", unique / sendSeconds)
                    .put("p50Ms", Stats.percentileMs(h, 50))
                    .put("p99Ms", Stats.percentileMs(h, 99))
                    .put("maxMs", Stats.maxMs(h));
            if (serverBefore != null && unique > 0) {
                f.put("serverCpuUsPerDelivery", serverAfter.cpuMsSince(serverBefore) * 1000 / unique);
            }
            f.put("generatorCpuPct", 100 * selfAfter.cpuMsSince(selfBefore) / 1000 / selfAfter.wallSecondsSince(selfBefore))
                    .put("signedIn", in.online())
                    .put("rosterContactsMissing", incomplete)
                    .put("settleSeconds", settled)
                    .put("hostStealPct", stealPct);
            return new Measurement(f.map(), new TreeMap<>(in.failures()), List.of());
        } finally {
            in.closeAll();
        }
    }
}
