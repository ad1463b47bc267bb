package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.parley.xml.Element;

/**
 * One chat room (XEP-0045) and its occupants: joins every client under its user name, then has a
 * few senders post groupchat messages whose body carries the run's tag, a sequence number and the
 * intended send time. Every occupant (the sender included: a room echoes to everyone) should
 * receive each message exactly once. Per message, the first and the last occupant to receive it
 * give the fan-out latency; loss and duplicates are exact.
 */
final class RoomTraffic implements StanzaListener {

    private static final String MUC = "http://jabber.org/protocol/muc";
    private static final String MUC_USER = MUC + "#user";
    private static final String MUC_OWNER = MUC + "#owner";

    private final List<XmppClient> occupants;
    private final int senders;
    private final String room;
    private final Map<XmppClient, Integer> index = new IdentityHashMap<>();
    private final String tag = Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    private static final byte[] BENCH = "bench ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GROUPCHAT = "groupchat".getBytes(StandardCharsets.US_ASCII);
    private final byte[] tagBytes = (tag + " ").getBytes(StandardCharsets.US_ASCII);
    /** ownNick[i]: "/" + occupant i's nickname, the end of the 'from' of its own presences. */
    private final byte[][] ownNick;
    private final AtomicIntegerArray joined;
    private final AtomicLong joinedCount = new AtomicLong();
    private volatile boolean created;
    private volatile boolean configured;
    /** Per message: how many occupants received it. */
    private final AtomicIntegerArray receivedBy;
    /** seen[receiver]: the sequence numbers received; touched on the receiver's event loop only. */
    private final BitSet[] seen;
    private final Recorder first = new Recorder(3);
    private final Recorder last = new Recorder(3);
    private final Recorder all = new Recorder(3);
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private volatile int audience;

    RoomTraffic(List<XmppClient> occupants, int senders, String room, int maxMessages) {
        this.occupants = occupants;
        this.senders = Math.max(1, Math.min(senders, occupants.size()));
        this.room = room;
        ownNick = new byte[occupants.size()][];
        for (int i = 0; i < occupants.size(); i++) {
            index.put(occupants.get(i), i);
            ownNick[i] = ("/" + occupants.get(i).user()).getBytes(StandardCharsets.UTF_8);
        }
        joined = new AtomicIntegerArray(occupants.size());
        receivedBy = new AtomicIntegerArray(maxMessages);
        seen = new BitSet[occupants.size()];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = new BitSet();
        }
    }

    void attach() {
        occupants.forEach(c -> c.listener(this));
    }

    /**
     * The first client creates the room (accepting the default configuration if the service locks
     * new rooms, XEP-0045 §10.1.2), then the others join at {@code perSecond}. Returns how many are in.
     */
    long join(double perSecond, long timeoutMillis) throws InterruptedException {
        if (occupants.isEmpty()) {
            return 0;
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        sendJoin(0);
        while (joined.get(0) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        if (created) {
            occupants.get(0).send("<iq type='set' id='bench-room-config' to='" + room + "'><query xmlns='" + MUC_OWNER
                    + "'><x xmlns='jabber:x:data' type='submit'/></query></iq>");
            while (!configured && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
        }
        Pacer.run(perSecond, occupants.size() - 1, java.time.Duration.ofMillis(Math.max(1, deadline - System.currentTimeMillis())),
                (k, t) -> sendJoin((int) k + 1));
        while (joinedCount.get() < occupants.size() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        audience = (int) joinedCount.get();
        return audience;
    }

    private void sendJoin(int i) {
        XmppClient c = occupants.get(i);
        c.send("<presence to='" + room + "/" + c.user() + "'><x xmlns='" + MUC + "'><history maxstanzas='0'/></x></presence>");
    }

    /** Called from the pacer thread only: message {@code k} from sender {@code k % senders}. */
    void send(long k, long intendedNanos) {
        if (k >= receivedBy.length()) {
            return;
        }
        sent.incrementAndGet();
        occupants.get((int) (k % senders)).send("<message type='groupchat' to='" + room + "'><body>bench " + tag + " " + k
                + " " + intendedNanos + "</body></message>");
    }

    /**
     * Scanned, not parsed, for everything that arrives in bulk: the measured messages (one per
     * occupant per message sent) and the join presences (every join is broadcast to everyone
     * seated, about N²/2 stanzas for N joins), of which only the occupant's own needs a tree.
     */
    @Override
    public void stanza(XmppClient client, Incoming in) {
        if (in.is("message")) {
            message(client, in);
        } else if (in.is("presence")) {
            Integer i = index.get(client);
            if (i != null && joined.get(i) == 0 && in.attributeEndsWith("from", ownNick[i])) {
                presence(client, in.element());
            }
        } else if (in.is("iq")) {
            Element iq = in.element();
            if ("bench-room-config".equals(iq.attribute("id"))) {
                configured = true;
            }
        }
    }

    private void presence(XmppClient client, Element p) {
        String from = p.attribute("from");
        if (from == null || p.attribute("type") != null || !from.endsWith("/" + client.user()) || !from.startsWith(room)) {
            return;
        }
        Integer i = index.get(client);
        Element x = p.child("x", MUC_USER).orElse(null);
        if (i == null || x == null) {
            return;
        }
        boolean self = false;
        for (Element status : x.children("status", MUC_USER)) {
            self |= "110".equals(status.attribute("code"));
            created |= "201".equals(status.attribute("code"));
        }
        if (self && joined.compareAndSet(i, 0, 1)) {
            joinedCount.incrementAndGet();
        }
    }

    /** "<message ... type='groupchat'><body>bench TAG SEQ NANOS</body>" (see send), read from the bytes. */
    private void message(XmppClient client, Incoming m) {
        if (!m.attributeEndsWith("type", GROUPCHAT) || !m.seek(BENCH) || !m.skip(tagBytes)) {
            return;
        }
        long now = System.nanoTime();
        long seq = m.nextLong();
        long intended = m.nextLong();
        Integer receiver = index.get(client);
        if (receiver == null || seq < 0 || seq >= receivedBy.length() || intended == Long.MIN_VALUE) {
            return;
        }
        received.incrementAndGet();
        BitSet s = seen[receiver];
        if (s.get((int) seq)) {
            duplicated.incrementAndGet();
            return;
        }
        s.set((int) seq);
        long micros = Math.max(0, (now - intended) / 1000);
        all.recordValue(micros);
        int n = receivedBy.incrementAndGet((int) seq);
        if (n == 1) {
            first.recordValue(micros);
        }
        if (n == audience) {
            last.recordValue(micros);
        }
    }

    long sent() {
        return sent.get();
    }

    long expected() {
        return sent.get() * audience;
    }

    long unique() {
        return received.get() - duplicated.get();
    }

    long duplicated() {
        return duplicated.get();
    }

    void drain(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (unique() < expected() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    Histogram firstMicros() {
        return first.getIntervalHistogram();
    }

    Histogram lastMicros() {
        return last.getIntervalHistogram();
    }

    Histogram allMicros() {
        return all.getIntervalHistogram();
    }
}
