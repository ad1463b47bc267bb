package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * 1:1 chat between fixed pairs (clients 0-1, 2-3, …), both sides sending, round-robin over all
 * senders. Each body carries this phase's tag, the sender's index, its sequence number and the
 * intended send time, so the receiver measures latency and counts lost and duplicated messages
 * exactly. A message with another tag (a previous phase's straggler) is ignored.
 */
public final class ChatTraffic implements StanzaListener {

    private final List<XmppClient> clients;
    private final Map<XmppClient, Integer> index = new IdentityHashMap<>();
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private static final byte[] BENCH = "bench ".getBytes(StandardCharsets.US_ASCII);
    private final byte[] tagBytes = (tag + " ").getBytes(StandardCharsets.US_ASCII);
    private final long[] nextSeq;
    /** seen[i]: sequence numbers from sender i, touched only on its partner's event loop. */
    private final BitSet[] seen;
    private final Recorder latency = new Recorder(3);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong misrouted = new AtomicLong();

    /** Pairs are formed from the list's order; an odd last client only receives nothing and sends nothing. */
    public ChatTraffic(List<XmppClient> online) {
        this.clients = online.subList(0, online.size() - online.size() % 2);
        for (int i = 0; i < clients.size(); i++) {
            index.put(clients.get(i), i);
        }
        nextSeq = new long[clients.size()];
        seen = new BitSet[clients.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new BitSet();
        }
    }

    public int senders() {
        return clients.size();
    }

    public void attach() {
        clients.forEach(c -> c.listener(this));
    }

    /** Sends the k-th message of the phase; called from the pacer thread only. */
    public void send(long k, long intendedNanos) {
        int from = (int) (k % clients.size());
        XmppClient sender = clients.get(from);
        XmppClient to = clients.get(from ^ 1);
        long seq = nextSeq[from]++;
        sent.incrementAndGet();
        sender.send("<message type='chat' to='" + to.jid() + "' id='" + tag + "-" + from + "-" + seq + "'><body>bench "
                + tag + " " + from + " " + seq + " " + intendedNanos + "</body></message>");
    }

    @Override
    public void stanza(XmppClient client, Incoming stanza) {
        // Scanned, not parsed: "<message ...><body>bench TAG FROM SEQ NANOS</body>" (see send).
        if (!stanza.is("message") || !stanza.seek(BENCH) || !stanza.skip(tagBytes)) {
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
        if (receiver == null || from < 0 || from >= seen.length || (from ^ 1) != receiver) {
            misrouted.incrementAndGet();
            return;
        }
        received.incrementAndGet();
        BitSet s = seen[(int) from];
        if (s.get((int) seq)) {
            duplicated.incrementAndGet();
            return;
        }
        s.set((int) seq);
        latency.recordValue(Math.max(0, (now - intended) / 1000));
    }

    public long sent() {
        return sent.get();
    }

    public long unique() {
        return received.get() - duplicated.get();
    }

    public long duplicated() {
        return duplicated.get();
    }

    public long misrouted() {
        return misrouted.get();
    }

    /** Waits until every sent message arrived or {@code maxMillis} passed; returns true if all arrived. */
    public boolean drain(long maxMillis) throws InterruptedException {
        return Drain.until(() -> unique() >= sent(), maxMillis);
    }

    public Histogram latencyMicros() {
        return latency.getIntervalHistogram();
    }
}
