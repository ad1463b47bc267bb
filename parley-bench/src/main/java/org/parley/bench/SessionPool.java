package org.parley.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Signs clients in at a controlled rate and waits (bounded) for every attempt to end. */
public final class SessionPool {

    private final ClientEngine engine;
    private final ClientConfig config;
    private final Accounts accounts;

    public SessionPool(ClientEngine engine, ClientConfig config, Accounts accounts) {
        this.engine = engine;
        this.config = config;
        this.accounts = accounts;
    }

    /** Signs in accounts 0..count-1 at {@code perSecond}; {@code listeners} gives each index its listener. */
    public SignedIn signIn(int count, double perSecond, IntFunction<StanzaListener> listeners) {
        XmppClient[] clients = new XmppClient[count];
        Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        Recorder latency = new Recorder(3);
        List<CompletableFuture<?>> all = Collections.synchronizedList(new ArrayList<>(count));
        long start = System.nanoTime();
        AtomicLong lastOnline = new AtomicLong(start);
        Pacer.run(perSecond, count, Duration.ofHours(24), (i, intended) -> {
            int idx = (int) i;
            all.add(engine.signIn(config, accounts.user(idx), accounts.password(), listeners.apply(idx))
                    .handle((client, error) -> {
                        if (error == null) {
                            long now = System.nanoTime();
                            latency.recordValue(Math.max(0, (now - intended) / 1000));
                            lastOnline.accumulateAndGet(now, Math::max);
                            synchronized (clients) {
                                clients[idx] = client;
                            }
                        } else {
                            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                            failures.computeIfAbsent(String.valueOf(cause.getMessage()), k -> new AtomicLong()).incrementAndGet();
                        }
                        return null;
                    }));
        });
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                    .get(config.signinTimeout().toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            failures.computeIfAbsent("not finished before the sign-in timeout", k -> new AtomicLong()).incrementAndGet();
        }
        Map<String, Long> counted = new TreeMap<>();
        failures.forEach((k, v) -> counted.put(k, v.get()));
        List<XmppClient> list;
        synchronized (clients) {
            list = java.util.Arrays.asList(clients.clone());
        }
        Histogram h = latency.getIntervalHistogram();
        return new SignedIn(list, counted, h, (lastOnline.get() - start) / 1e9);
    }
}
