package org.parley.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
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
 *
 * <p>A user never has two changes in flight: the pacer gives each change to the next user whose
 * previous request was answered. Two overlapping changes of one user could travel on two HTTP
 * connections and be applied in the other order (the server then ends busy while the bench
 * believes idle), or both be applied before the user's recomposition runs (busy then idle
 * composes to no change, which the server rightly does not send). Either made the m-th-presence
 * matching wrong, and a line the bench believed idle stayed busy in the server's stored inputs,
 * so that user's changes on later runs composed to nothing: all its deliveries lost. Parley
 * answers a PUT only after the user's recomposition ran, so one change at a time is enough.
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
    /** Per user: 1 while a change of it is in flight (set by the pacer, cleared by the HTTP answer). */
    private final AtomicIntegerArray pending;
    /** Per user: 1 once a change of it failed; its server state is then unknown, so it gets no more changes. */
    private final AtomicIntegerArray broken;
    private int cursor;
    private final int maxInFlight;
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
    private final java.util.Queue<String> unexpectedSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();

    @SuppressWarnings("unchecked")
    RichPresenceTraffic(List<XmppClient> clients, IntFunction<List<Integer>> contactsOf, PresenceApi api,
                        long maxChanges, int maxInFlight) {
        this.clients = clients;
        this.contactsOf = contactsOf;
        this.api = api;
        this.senders = java.util.stream.IntStream.range(0, clients.size()).filter(i -> clients.get(i) != null).boxed().toList();
        // Room for twice the average: a user skipped while busy is caught up later.
        int perUser = 2 * (int) (maxChanges / Math.max(1, senders.size())) + 4;
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
        pending = new AtomicIntegerArray(clients.size());
        broken = new AtomicIntegerArray(clients.size());
        this.maxInFlight = maxInFlight;
        inFlight = new Semaphore(maxInFlight);
    }

    void attach() {
        senders.forEach(i -> clients.get(i).listener(this));
    }

    /** Called from the pacer thread only: the line of the next user with no change in flight flips. */
    void send(long k, long intendedNanos) {
        // Bounded in-flight requests: past the bound the pacer waits, and the wait shows in the latency.
        inFlight.acquireUninterruptibly();
        int user = nextFreeUser();
        if (user < 0) {
            inFlight.release();
            return;
        }
        int seq = nextSeq[user]++;
        sendTimes[user].set(seq, intendedNanos);
        long online = contactsOf.apply(user).stream().filter(j -> clients.get(j) != null).count();
        changes.incrementAndGet();
        expected.addAndGet(online);
        long started = System.nanoTime();
        api.putPhone(clients.get(user).bareJid(), line, seq % 2 == 0 ? "busy" : "idle").whenComplete((status, failure) -> {
            httpLatency.recordValue(Math.max(0, (System.nanoTime() - started) / 1000));
            if (failure == null && status / 100 == 2) {
                accepted.incrementAndGet();
            } else {
                rejected.incrementAndGet();
                broken.set(user, 1);
            }
            pending.set(user, 0);
            inFlight.release();
        });
    }

    /**
     * Round robin over the users, skipping those with a change in flight; waits (the pacer's
     * time, so it shows in the latency) when every user is busy, which only happens with fewer
     * users than in-flight requests. -1 when no user can take a change any more.
     */
    private int nextFreeUser() {
        while (true) {
            boolean anyUsable = false;
            for (int tries = 0; tries < senders.size(); tries++) {
                int user = senders.get(cursor);
                cursor = (cursor + 1) % senders.size();
                if (broken.get(user) == 1 || nextSeq[user] >= sendTimes[user].length()) {
                    continue;
                }
                anyUsable = true;
                if (pending.compareAndSet(user, 0, 1)) {
                    return user;
                }
            }
            if (!anyUsable) {
                return -1;
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
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
            if (unexpected.incrementAndGet() <= 5) {
                unexpectedSamples.add(String.format("%s got #%d of %s (sent %d): %s", client.bareJid(), m,
                        clients.get(sender).bareJid(), nextSeq[sender], stanza.toXml(Namespaces.CLIENT)));
            }
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

    /**
     * Where the losses are, for the log: pairs that lost presences, grouped as whole senders
     * (no contact got any of a user's changes), whole receivers (a user got nothing from any
     * contact), receivers whose session is no longer online, and the rest.
     */
    String lossReport() {
        int lostPairs = 0;
        int offlineReceivers = 0;
        int wholeSenders = 0;
        int wholeReceivers = 0;
        java.util.List<String> samples = new java.util.ArrayList<>();
        for (int r : senders) {
            if (!clients.get(r).isOnline()) {
                offlineReceivers++;
            }
        }
        for (int s : senders) {
            int sent = Math.min(nextSeq[s], sendTimes[s].length());
            int contactsGotNothing = 0;
            int contactsOnline = 0;
            for (int r : contactsOf.apply(s)) {
                if (clients.get(r) == null) {
                    continue;
                }
                contactsOnline++;
                int[] got = received[r].get(s);
                int n = got == null ? 0 : got[0];
                if (n < sent) {
                    lostPairs++;
                    if (samples.size() < 5) {
                        samples.add(clients.get(s).bareJid() + "->" + clients.get(r).bareJid() + " " + n + "/" + sent
                                + (clients.get(r).isOnline() ? "" : " (receiver offline)"));
                    }
                }
                if (n == 0 && sent > 0) {
                    contactsGotNothing++;
                }
            }
            if (sent > 0 && contactsOnline > 0 && contactsGotNothing == contactsOnline) {
                wholeSenders++;
            }
        }
        for (int r : senders) {
            boolean any = false;
            for (int s : contactsOf.apply(r)) {
                int[] got = received[r].get(s);
                any |= clients.get(s) == null || (got != null && got[0] > 0) || nextSeq[s] == 0;
            }
            if (!any) {
                wholeReceivers++;
            }
        }
        return String.format("lost pairs %d, senders lost whole %d, receivers lost whole %d, receivers offline %d%s",
                lostPairs, wholeSenders, wholeReceivers, offlineReceivers, samples.isEmpty() ? "" : "; e.g. " + samples);
    }

    /**
     * Puts every line left busy back to idle, unmeasured, so the users end as they began, and
     * waits for the answers: an unanswered reset left the line busy in the server's stored inputs.
     */
    void reset() throws InterruptedException {
        awaitIdle();
        for (int user : senders) {
            if (nextSeq[user] % 2 == 1 || broken.get(user) == 1) {
                inFlight.acquire();
                api.putPhone(clients.get(user).bareJid(), line, "idle").whenComplete((s, f) -> inFlight.release());
            }
        }
        awaitIdle();
    }

    /** Waits (up to a minute) until no request is in flight. */
    private void awaitIdle() throws InterruptedException {
        if (inFlight.tryAcquire(maxInFlight, 60, TimeUnit.SECONDS)) {
            inFlight.release(maxInFlight);
        } else {
            System.err.println("richpresence: requests still unanswered after 60 s");
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

    /** The first few unexpected presences, for the log. */
    java.util.List<String> unexpectedSamples() {
        return java.util.List.copyOf(unexpectedSamples);
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
