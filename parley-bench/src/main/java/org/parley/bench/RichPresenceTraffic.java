package org.parley.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * Phone-line changes pushed through the Presence Web Service, and the composed presences they
 * cause at every contact. Each user's line (named per run, so earlier runs cannot interfere)
 * alternates busy / idle, so each change flips the user between dnd "On the phone" and
 * available and every online contact must get exactly one presence for it. The m-th presence a
 * contact receives from a user answers that user's m-th change: presences of one user reach a
 * contact in order, so the latency is exact, measured from the change's intended send time (no
 * coordinated omission). A presence that does not show the state the next change set is counted
 * as unexpected and not matched.
 */
final class RichPresenceTraffic implements StanzaListener {

    private final List<XmppClient> clients;
    private final IntFunction<List<Integer>> contactsOf;
    private final PresenceApi api;
    private final String line = "bench" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final List<Integer> senders;
    private final Map<String, Integer> indexOfBare = new HashMap<>();
    private final Map<XmppClient, Integer> indexOfClient = new ConcurrentHashMap<>();
    /** Per user: the intended send time of each of its changes (written by the pacer, read by the receivers). */
    private final AtomicLongArray[] sendTimes;
    private final int[] nextSeq;
    /** received[receiver]: per sender index, how many of its changes arrived; touched on the receiver's loop only. */
    private final Map<Integer, int[]>[] received;
    private final Semaphore inFlight;
    private final Recorder latency = new Recorder(3);
    private final Recorder httpLatency = new Recorder(3);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();

    @SuppressWarnings("unchecked")
    RichPresenceTraffic(List<XmppClient> clients, IntFunction<List<Integer>> contactsOf, PresenceApi api,
                        long maxChanges, int maxInFlight) {
        this.clients = clients;
        this.contactsOf = contactsOf;
        this.api = api;
        this.senders = java.util.stream.IntStream.range(0, clients.size()).filter(i -> clients.get(i) != null).boxed().toList();
        int perUser = (int) (maxChanges / Math.max(1, senders.size())) + 2;
        sendTimes = new AtomicLongArray[clients.size()];
        received = new Map[clients.size()];
        for (int i = 0; i < clients.size(); i++) {
            received[i] = new HashMap<>();
            XmppClient c = clients.get(i);
            if (c != null) {
                indexOfBare.put(c.bareJid(), i);
                indexOfClient.put(c, i);
                sendTimes[i] = new AtomicLongArray(perUser);
            }
        }
        nextSeq = new int[clients.size()];
        inFlight = new Semaphore(maxInFlight);
    }

    void attach() {
        senders.forEach(i -> clients.get(i).listener(this));
    }

    /** Called from the pacer thread only: the next user's line flips. */
    void send(long k, long intendedNanos) {
        int user = senders.get((int) (k % senders.size()));
        int seq = nextSeq[user]++;
        if (seq >= sendTimes[user].length()) {
            return;
        }
        sendTimes[user].set(seq, intendedNanos);
        long online = contactsOf.apply(user).stream().filter(j -> clients.get(j) != null).count();
        changes.incrementAndGet();
        expected.addAndGet(online);
        // Bounded in-flight requests: past the bound the pacer waits, and the wait shows in the latency.
        inFlight.acquireUninterruptibly();
        long started = System.nanoTime();
        api.putPhone(clients.get(user).bareJid(), line, seq % 2 == 0 ? "busy" : "idle").whenComplete((status, failure) -> {
            inFlight.release();
            httpLatency.recordValue(Math.max(0, (System.nanoTime() - started) / 1000));
            if (failure == null && status / 100 == 2) {
                accepted.incrementAndGet();
            } else {
                rejected.incrementAndGet();
            }
        });
    }

    @Override
    public void stanza(XmppClient client, Incoming in) {
        if (!in.is("presence") || in.hasAttribute("type")) {
            return; // scanned: most traffic is dropped without building a tree
        }
        Element stanza = in.element();
        if (!stanza.name().equals("presence") || stanza.attribute("type") != null) {
            return;
        }
        long now = System.nanoTime();
        Integer receiver = indexOfClient.get(client);
        Integer sender = indexOfBare.get(bare(stanza.attribute("from")));
        if (receiver == null || sender == null || sender.equals(receiver)) {
            return;
        }
        int[] count = received[receiver].computeIfAbsent(sender, s -> new int[1]);
        int m = count[0];
        boolean busy = "dnd".equals(stanza.childText("show", Namespaces.CLIENT));
        if (m >= sendTimes[sender].length() || busy != (m % 2 == 0) || sendTimes[sender].get(m) == 0) {
            unexpected.incrementAndGet();
            return;
        }
        count[0]++;
        delivered.incrementAndGet();
        latency.recordValue(Math.max(0, (now - sendTimes[sender].get(m)) / 1000));
    }

    /** Waits for every expected presence (or the deadline); true when all arrived. */
    boolean drain(long maxMillis) throws InterruptedException {
        Drain.until(() -> delivered.get() >= expected.get() && accepted.get() + rejected.get() >= changes.get(),
                maxMillis);
        return delivered.get() >= expected.get();
    }

    /** Puts every line left busy back to idle, unmeasured, so the users end as they began. */
    void reset() throws InterruptedException {
        for (int user : senders) {
            if (nextSeq[user] % 2 == 1) {
                inFlight.acquire();
                api.putPhone(clients.get(user).bareJid(), line, "idle").whenComplete((s, f) -> inFlight.release());
            }
        }
    }

    private static String bare(String jid) {
        int slash = jid == null ? -1 : jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }

    long changes() {
        return changes.get();
    }

    long accepted() {
        return accepted.get();
    }

    long rejected() {
        return rejected.get();
    }

    long expected() {
        return expected.get();
    }

    long delivered() {
        return delivered.get();
    }

    long unexpected() {
        return unexpected.get();
    }

    Histogram latencyMicros() {
        return latency.getIntervalHistogram();
    }

    Histogram httpMicros() {
        return httpLatency.getIntervalHistogram();
    }
}
