package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

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
 *
 * <p>The receive path reads each presence straight from its bytes (sender from the 'from'
 * address through a {@link BareJidTable}, busy from a {@code <show>dnd</show>} child) and counts
 * into plain per-receiver arrays: at 100,000 deliveries a second on one core, building a tree or
 * a String per presence made the generator, not the server, the limit.
 */
final class RichPresenceTraffic {

    private final List<XmppClient> clients;
    private final IntFunction<List<Integer>> contactsOf;
    private final PresenceApi api;
    private final String line = "bench" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private final List<Integer> senders;
    private static final byte[] SHOW_DND = "<show>dnd</show>".getBytes(StandardCharsets.US_ASCII);
    private final BareJidTable indexOfBare;
    /** Per user: how many of its contacts are signed in, i.e. the deliveries each of its changes owes. */
    private final int[] onlineContacts;
    /** Per user: the intended send time of each of its changes (written by the pacer, read by the receivers). */
    private final AtomicLongArray[] sendTimes;
    private final int[] nextSeq;
    /** Per user: 1 while a change of it is in flight (set by the pacer, cleared by the HTTP answer). */
    private final AtomicIntegerArray pending;
    /** Per user: 1 once a change of it failed; its server state is then unknown, so it gets no more changes. */
    private final AtomicIntegerArray broken;
    private int cursor;
    private final int maxInFlight;
    /** contactsSorted[receiver]: its contacts' indexes, ascending, to find a sender's slot by binary search. */
    private final int[][] contactsSorted;
    /** received[receiver][slot]: how many changes of that contact arrived; touched on the receiver's loop only. */
    private final int[][] received;
    private final Semaphore inFlight;
    private final Recorder latency = new Recorder(3);
    private final Recorder httpLatency = new Recorder(3);
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final LongAdder delivered = new LongAdder(); // bumped by every event loop: no shared cache line
    private final AtomicLong unexpected = new AtomicLong();
    private final java.util.Queue<String> unexpectedSamples = new java.util.concurrent.ConcurrentLinkedQueue<>();

    RichPresenceTraffic(List<XmppClient> clients, IntFunction<List<Integer>> contactsOf, PresenceApi api,
                        long maxChanges, int maxInFlight) {
        this.clients = clients;
        this.contactsOf = contactsOf;
        this.api = api;
        this.senders = java.util.stream.IntStream.range(0, clients.size()).filter(i -> clients.get(i) != null).boxed().toList();
        // Room for twice the average: a user skipped while busy is caught up later.
        int perUser = 2 * (int) (maxChanges / Math.max(1, senders.size())) + 4;
        sendTimes = new AtomicLongArray[clients.size()];
        contactsSorted = new int[clients.size()][];
        received = new int[clients.size()][];
        onlineContacts = new int[clients.size()];
        List<String> bare = new java.util.ArrayList<>(clients.size());
        for (int i = 0; i < clients.size(); i++) {
            XmppClient c = clients.get(i);
            bare.add(c == null ? null : c.bareJid());
            int[] contacts = contactsOf.apply(i).stream().mapToInt(Integer::intValue).sorted().toArray();
            contactsSorted[i] = contacts;
            received[i] = new int[contacts.length];
            onlineContacts[i] = (int) Arrays.stream(contacts).filter(j -> clients.get(j) != null).count();
            if (c != null) {
                sendTimes[i] = new AtomicLongArray(perUser);
            }
        }
        indexOfBare = new BareJidTable(bare);
        nextSeq = new int[clients.size()];
        pending = new AtomicIntegerArray(clients.size());
        broken = new AtomicIntegerArray(clients.size());
        this.maxInFlight = maxInFlight;
        inFlight = new Semaphore(maxInFlight);
    }

    void attach() {
        // Each client's listener knows its receiver index: no map lookup per delivery.
        senders.forEach(i -> clients.get(i).listener((client, in) -> received(i, client, in)));
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
        changes.incrementAndGet();
        expected.addAndGet(onlineContacts[user]);
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

    private void received(int receiver, XmppClient client, Incoming in) {
        if (!in.is("presence") || in.hasAttribute("type")) {
            return;
        }
        long now = System.nanoTime();
        int sender = in.bareJidIndex("from", indexOfBare);
        int slot = sender < 0 ? -1 : Arrays.binarySearch(contactsSorted[receiver], sender);
        if (slot < 0) {
            return; // the user's own echo, or a presence from someone who is not a contact
        }
        int[] count = received[receiver];
        int m = count[slot];
        boolean busy = in.contains(SHOW_DND);
        long sentAt = m < sendTimes[sender].length() ? sendTimes[sender].get(m) : 0;
        if (sentAt == 0 || busy != (m % 2 == 0)) {
            if (unexpected.incrementAndGet() <= 5) {
                unexpectedSamples.add(String.format("%s got #%d of %s (sent %d): %s", client.bareJid(), m,
                        clients.get(sender).bareJid(), nextSeq[sender], in));
            }
            return;
        }
        count[slot] = m + 1;
        delivered.increment();
        latency.recordValue(Math.max(0, (now - sentAt) / 1000));
    }

    /** How many changes of {@code sender} receiver {@code receiver} got (0 when not a contact). */
    private int receivedFrom(int receiver, int sender) {
        int slot = Arrays.binarySearch(contactsSorted[receiver], sender);
        return slot < 0 ? 0 : received[receiver][slot];
    }

    /** Waits for every expected presence (or the deadline); true when all arrived. */
    boolean drain(long maxMillis) throws InterruptedException {
        Drain.until(() -> delivered.sum() >= expected.get() && accepted.get() + rejected.get() >= changes.get(),
                maxMillis);
        return delivered.sum() >= expected.get();
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
                int n = receivedFrom(r, s);
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
                any |= clients.get(s) == null || receivedFrom(r, s) > 0 || nextSeq[s] == 0;
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
        return delivered.sum();
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
