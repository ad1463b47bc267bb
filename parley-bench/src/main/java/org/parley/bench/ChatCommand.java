package org.parley.bench;

import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** N signed-in clients in pairs exchange sequence-numbered chat messages at a controlled total rate. */
@Command(name = "chat", mixinStandardHelpOptions = true, description = "1:1 chat: throughput, latency, loss")
final class ChatCommand extends ScenarioCommand {

    @Option(names = {"-n", "--count"}, defaultValue = "200", description = "clients (pairs = count / 2)")
    int count;

    @Option(names = "--rate", defaultValue = "100", description = "messages per second, all senders together")
    double rate;

    @Option(names = "--duration", defaultValue = "20", description = "seconds of sending")
    double duration;

    @Option(names = "--signin-rate", defaultValue = "200", description = "sign-ins per second before the phase")
    double signinRate;

    @Option(names = "--drain", defaultValue = "5", description = "seconds to wait for in-flight messages")
    double drain;

    @Override
    Measurement measure(ClientEngine engine) throws Exception {
        SignedIn in = new SessionPool(engine, target.clientConfig(true), target.accounts())
                .signIn(count, signinRate, i -> StanzaListener.IGNORE);
        try {
            double settled = settle();
            Measurement.Figures f = ChatPhase.run(in.onlineClients(), rate, duration, (long) (drain * 1000), this);
            f.put("signedIn", in.online()).put("settleSeconds", settled);
            return new Measurement(f.map(), new TreeMap<>(in.failures()), List.of());
        } finally {
            in.closeAll();
        }
    }
}
