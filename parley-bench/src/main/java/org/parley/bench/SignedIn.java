package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The outcome of signing a batch of clients in: the online clients by index (null where the
 * sign-in failed), failures counted by reason, and the sign-in latency histogram (microseconds).
 */
public record SignedIn(List<XmppClient> clients, Map<String, Long> failures, Histogram signinMicros, double seconds) {

    public long online() {
        return clients.stream().filter(c -> c != null).count();
    }

    /** The online clients only, in index order. */
    public List<XmppClient> onlineClients() {
        List<XmppClient> out = new ArrayList<>();
        for (XmppClient c : clients) {
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Closes every stream and waits (bounded) for the channels to go, so the next run starts clean. */
    public void closeAll() {
        List<CompletableFuture<Void>> closed = new ArrayList<>();
        for (XmppClient c : clients) {
            if (c != null && c.channel() != null) {
                CompletableFuture<Void> f = new CompletableFuture<>();
                c.channel().closeFuture().addListener(x -> f.complete(null));
                closed.add(f);
                c.close();
            }
        }
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Bounded: a server that does not close within 30 s is not the generator's problem.
        }
    }
}
