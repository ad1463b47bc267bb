package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Steps the chat rate up until p99 crosses the limit or a message is lost, and reports the
 * highest rate that held. Bounded by --max-rate and --max-steps, so it always ends.
 */
@Command(name = "knee", mixinStandardHelpOptions = true, description = "highest chat rate with p99 under a limit and no loss")
final class KneeCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "200", description = "clients (pairs = count / 2)")
    int count;

    @Option(names = "--start-rate", defaultValue = "100", description = "first step's messages per second")
    double startRate;

    @Option(names = "--factor", defaultValue = "1.5", description = "each step's rate is the previous times this")
    double factor;

    @Option(names = "--max-rate", defaultValue = "100000", description = "stop stepping above this rate")
    double maxRate;

    @Option(names = "--max-steps", defaultValue = "15", description = "stop after this many steps")
    int maxSteps;

    @Option(names = "--step-duration", defaultValue = "10", description = "seconds per step")
    double stepSeconds;

    @Option(names = "--p99-limit", defaultValue = "50", description = "ms; a step whose p99 exceeds it fails")
    double p99Limit;

    @Option(names = "--signin-rate", defaultValue = "200", description = "sign-ins per second before stepping")
    double signinRate;

    @Option(names = "--drain", defaultValue = "5", description = "seconds to wait for in-flight messages per step")
    double drain;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        SignedIn in = new SessionPool(engine, target.clientConfig(true), target.accounts())
                .signIn(count, signinRate, i -> StanzaListener.IGNORE);
        List<Map<String, Double>> steps = new ArrayList<>();
        double held = 0;
        double heldP99 = Double.NaN;
        double heldCpu = Double.NaN;
        try {
            settle();
            double rate = startRate;
            for (int s = 0; s < maxSteps && rate <= maxRate; s++, rate *= factor) {
                Map<String, Double> f = ChatPhase.run(in.onlineClients(), rate, stepSeconds, (long) (drain * 1000), this).map();
                steps.add(f);
                System.err.printf("knee: %.0f msg/s -> p99 %.2f ms, lost %.0f%n", rate, f.getOrDefault("p99Ms", Double.NaN), f.get("lost"));
                boolean ok = f.get("lost") == 0 && f.get("duplicated") == 0 && f.getOrDefault("p99Ms", Double.MAX_VALUE) <= p99Limit;
                if (!ok) {
                    break;
                }
                held = rate;
                heldP99 = f.get("p99Ms");
                heldCpu = f.getOrDefault("serverCpuUsPerMsg", Double.NaN);
            }
        } finally {
            in.closeAll();
        }
        Measurement.Figures out = new Measurement.Figures().put("kneeRate", held).put("kneeP99Ms", heldP99)
                .put("kneeServerCpuUsPerMsg", heldCpu).put("signedIn", in.online());
        return new Measurement(out.map(), new TreeMap<>(in.failures()), steps);
    }
}
