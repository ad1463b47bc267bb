package org.parley.bench;

import java.time.Duration;
import java.util.List;
import org.HdrHistogram.Histogram;

/** One paced chat phase over already signed-in clients, measured on its own (used by chat and knee). */
final class ChatPhase {

    private ChatPhase() {
    }

    static Measurement.Figures run(List<XmppClient> online, double rate, double seconds, long drainMillis,
                                   ScenarioCommand cmd) throws InterruptedException {
        ChatTraffic traffic = new ChatTraffic(online);
        if (traffic.senders() < 2) {
            throw new IllegalStateException("chat needs at least two signed-in clients");
        }
        traffic.attach();
        ProcessSample serverBefore = cmd.server();
        ProcessSample selfBefore = ProcessSample.self();
        HostSteal stealBefore = HostSteal.now();
        long issued = Pacer.run(rate, (long) Math.ceil(rate * seconds), Duration.ofMillis((long) (seconds * 1000)), traffic::send);
        ProcessSample selfSent = ProcessSample.self();
        double sendSeconds = selfSent.wallSecondsSince(selfBefore);
        traffic.drain(drainMillis);
        ProcessSample serverAfter = cmd.server();
        ProcessSample selfAfter = ProcessSample.self();
        double stealPct = HostSteal.now().pctSince(stealBefore);
        Histogram h = traffic.latencyMicros();
        long unique = traffic.unique();
        Measurement.Figures f = new Measurement.Figures()
                .put("rate", rate)
                .put("sent", issued)
                .put("delivered", unique)
                .put("lost", issued - unique)
                .put("duplicated", traffic.duplicated())
                .put("misrouted", traffic.misrouted())
                .put("msgsPerSec", unique / sendSeconds)
                .put("p50Ms", Stats.percentileMs(h, 50))
                .put("p99Ms", Stats.percentileMs(h, 99))
                .put("maxMs", Stats.maxMs(h));
        if (serverBefore != null && unique > 0) {
            f.put("serverCpuUsPerMsg", serverAfter.cpuMsSince(serverBefore) * 1000 / unique)
                    .put("serverCpuPct", 100 * serverAfter.cpuMsSince(serverBefore) / 1000 / serverAfter.wallSecondsSince(serverBefore));
        }
        f.put("generatorCpuUsPerMsg", unique == 0 ? Double.NaN : selfAfter.cpuMsSince(selfBefore) * 1000 / unique)
                .put("generatorCpuPct", 100 * selfAfter.cpuMsSince(selfBefore) / 1000 / selfAfter.wallSecondsSince(selfBefore))
                .put("hostStealPct", stealPct);
        return f;
    }
}
