package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Presence changes broadcast to rosters: each change carries, in its status, the phase tag, the
 * sender's index, a sequence number and the intended send time; every online contact should get
 * it exactly once. The sender's own echo is not counted.
 */
final class PresenceTraffic implements StanzaListener {

    private final List<XmppClient> clients;
    private final RosterRing ring;
    private final Map<XmppClient, Integer> index = new IdentityHashMap<>();
    private final List<Integer> senders;
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private static final byte[] BENCH = "bench ".getBytes(StandardCharsets.US_ASCII);
    private final byte[] tagBytes = (tag + " ").getBytes(StandardCharsets.US_ASCII);
    private final long[] nextSeq;
    /** seen[receiver]: per sender index, the sequence numbers received; touched on the receiver's loop only. */
    private final Map<Integer, BitSet>[] seen;
    private final Recorder latency = new Recorder(3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong expected = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();

    @SuppressWarnings("unchecked")
    PresenceTraffic(List<XmppClient> clients, RosterRing ring) {
        this.clients = clients;
        this.ring = ring;
        this.senders = java.util.stream.IntStream.range(0, clients.size()).filter(i -> clients.get(i) != null).boxed().toList();
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i) != null) {
                index.put(clients.get(i), i);
            }
        }
        nextSeq = new long[clients.size()];
        seen = new Map[clients.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new HashMap<>();
        }
    }

    void attach() {
        senders.forEach(i -> clients.get(i).listener(this));
    }

    /** Called from the pacer thread only. */
    void send(long k, long intendedNanos) {
        int from = senders.get((int) (k % senders.size()));
        long seq = nextSeq[from]++;
        long contactsOnline = ring.contactsOf(from).stream().filter(j -> clients.get(j) != null).count();
        sent.incrementAndGet();
        expected.addAndGet(contactsOnline);
        clients.get(from).send("<presence><show>" + (seq % 2 == 0 ? "away" : "xa") + "</show><status>bench " + tag + " "
                + from + " " + seq + " " + intendedNanos + "</status></presence>");
    }

    @Override
    public void stanza(XmppClient client, Incoming stanza) {
        // Scanned, not parsed: an available presence whose <status> is "bench TAG FROM SEQ NANOS".
        if (!stanza.is("presence") || stanza.hasAttribute("type") || !stanza.seek(BENCH) || !stanza.skip(tagBytes)) {
            return;
        }
        long now = System.nanoTime();
        long from = stanza.nextLong();
        long seq = stanza.nextLong();
        long intended = stanza.nextLong();
        if (from == Long.MIN_VALUE || seq == Long.MIN_VALUE || intended == Long.MIN_VALUE) {
            return;
        }
        Integer receiver = index.get(client);
        if (receiver == null || from == receiver) {
            return;
        }
        received.incrementAndGet();
        BitSet s = seen[receiver].computeIfAbsent((int) from, x -> new BitSet());
        if (s.get((int) seq)) {
            duplicated.incrementAndGet();
            return;
        }
        s.set((int) seq);
        latency.recordValue(Math.max(0, (now - intended) / 1000));
    }

    long sent() {
        return sent.get();
    }

    long expected() {
        return expected.get();
    }

    long unique() {
        return received.get() - duplicated.get();
    }

    long duplicated() {
        return duplicated.get();
    }

    boolean drain(long maxMillis) throws InterruptedException {
        return Drain.until(() -> unique() >= expected(), maxMillis);
    }

    Histogram latencyMicros() {
        return latency.getIntervalHistogram();
    }
}
