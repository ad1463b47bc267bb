package org.parley.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One chat room with N occupants and a few senders: messages/s into the room, deliveries/s out of
 * it, fan-out latency to the first and to the last occupant of each message, loss.
 */
@Command(name = "room", mixinStandardHelpOptions = true, description = "chat room (XEP-0045) fan-out: deliveries/s, latency")
final class RoomCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "1000", description = "occupants (all signed in and joined)")
    int count;

    @Option(names = "--senders", defaultValue = "5", description = "occupants that send, in turn")
    int senders;

    @Option(names = "--rate", defaultValue = "100", description = "messages per second into the room, all senders together")
    double rate;

    @Option(names = "--duration", defaultValue = "20", description = "seconds of sending")
    double duration;

    @Option(names = "--room", defaultValue = "benchroom", description = "room localpart; a random suffix makes it fresh per run")
    String roomName;

    @Option(names = "--service", description = "MUC service domain (default conference.<domain>)")
    String service;

    @Option(names = "--signin-rate", defaultValue = "200", description = "sign-ins per second before the phase")
    double signinRate;

    @Option(names = "--join-rate", defaultValue = "100", description = "room joins per second before the phase")
    double joinRate;

    @Option(names = "--join-timeout", defaultValue = "180", description = "seconds for all occupants to join")
    int joinTimeout;

    @Option(names = "--drain", defaultValue = "10", description = "seconds to wait for in-flight deliveries")
    double drain;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        SignedIn in = new SessionPool(engine, target.clientConfig(true), target.accounts())
                .signIn(count, signinRate, i -> StanzaListener.IGNORE);
        try {
            List<XmppClient> online = in.onlineClients();
            String room = roomName + Long.toString(System.nanoTime() & 0xffffff, 36) + "@"
                    + (service != null ? service : "conference." + target.domain);
            long messages = (long) Math.ceil(rate * duration);
            RoomTraffic traffic = new RoomTraffic(online, senders, room, (int) messages);
            traffic.attach();
            long joined = traffic.join(joinRate, joinTimeout * 1000L);
            System.err.printf("room: %d of %d occupants joined %s%n", joined, online.size(), room);
            // A server that cannot seat everyone within the join timeout fails those occupants:
            // counted as failures, and with fewer occupants than senders there is nothing to measure.
            Map<String, Long> failures = new TreeMap<>(in.failures());
            if (joined < online.size()) {
                failures.put("not seated in the room", online.size() - joined);
            }
            if (joined < senders) {
                System.err.printf("room: fewer occupants than senders joined; no messages sent%n");
                return new Measurement(new Measurement.Figures().put("rate", rate).put("occupants", joined)
                        .put("signedIn", in.online()).map(), failures, List.of());
            }
            settle();
            ProcessSample serverBefore = server();
            ProcessSample selfBefore = ProcessSample.self();
            long issued = Pacer.run(rate, messages, Duration.ofMillis((long) (duration * 1000)), traffic::send);
            double sendSeconds = ProcessSample.self().wallSecondsSince(selfBefore);
            traffic.drain((long) (drain * 1000));
            ProcessSample serverAfter = server();
            ProcessSample selfAfter = ProcessSample.self();
            long unique = traffic.unique();
            Histogram firstH = traffic.firstMicros();
            Histogram lastH = traffic.lastMicros();
            Histogram allH = traffic.allMicros();
            Measurement.Figures f = new Measurement.Figures()
                    .put("rate", rate)
                    .put("occupants", joined)
                    .put("messages", issued)
                    .put("messagesPerSec", issued / sendSeconds)
                    .put("expectedDeliveries", traffic.expected())
                    .put("delivered", unique)
                    .put("lost", traffic.expected() - unique)
                    .put("duplicated", traffic.duplicated())
                    .put("deliveriesPerSec", unique / sendSeconds)
                    .put("firstP50Ms", Stats.percentileMs(firstH, 50))
                    .put("firstP99Ms", Stats.percentileMs(firstH, 99))
                    .put("lastP50Ms", Stats.percentileMs(lastH, 50))
                    .put("lastP99Ms", Stats.percentileMs(lastH, 99))
                    .put("lastMaxMs", Stats.maxMs(lastH))
                    .put("messagesFullyDelivered", lastH.getTotalCount())
                    .put("p50Ms", Stats.percentileMs(allH, 50))
                    .put("p99Ms", Stats.percentileMs(allH, 99));
            if (serverBefore != null && unique > 0) {
                f.put("serverCpuUsPerDelivery", serverAfter.cpuMsSince(serverBefore) * 1000 / unique);
            }
            if (unique > 0) {
                // Everything the generator did while sending and draining, per delivery it read:
                // must stay well below the server's, or the run measures the generator.
                f.put("generatorCpuUsPerDelivery", selfAfter.cpuMsSince(selfBefore) * 1000 / unique);
            }
            f.put("generatorCpuPct", 100 * selfAfter.cpuMsSince(selfBefore) / 1000 / selfAfter.wallSecondsSince(selfBefore))
                    .put("signedIn", in.online());
            return new Measurement(f.map(), failures, List.of());
        } finally {
            in.closeAll();
        }
    }
}
