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

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        ClientConfig config = target.clientConfig(true);
        SessionPool pool = new SessionPool(engine, config, target.accounts());
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
        f.put("generatorCpuMsPerSignin", online == 0 ? Double.NaN : selfSignedIn.cpuMsSince(selfBefore) / online)
                .put("generatorCpuPct", 100 * selfSignedIn.cpuMsSince(selfBefore) / 1000 / selfSignedIn.wallSecondsSince(selfBefore));
        Thread.sleep((long) (holdSeconds * 1000));
        in.closeAll();
        return new Measurement(f.map(), new TreeMap<>(in.failures()), java.util.List.of());
    }
}
