package org.parley.xml;

import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/**
 * Parsed addresses of recent stanzas, so that the same 'to' is not run through PRECIS again for
 * every message. jxmpp's own cache holds 100 JIDs behind a lock and misses for good once a server
 * sees a few hundred addressees (measured: a cache miss and PRECIS on every message of a 200-client
 * chat run). This one is direct-mapped: a slot per hash bucket, a lookup is one array read and one
 * string compare, a collision simply replaces the slot, and no lock is taken because each slot holds
 * an immutable entry (a racing writer at worst costs another parse).
 */
public final class JidCache {

    private record Entry(String text, Jid jid) {
    }

    private final Entry[] slots;
    private final int mask;

    /** {@code size} is rounded up to a power of two. */
    public JidCache(int size) {
        int n = Integer.highestOneBit(Math.max(16, size - 1) << 1);
        this.slots = new Entry[n];
        this.mask = n - 1;
    }

    /** The JID {@code text} denotes; a malformed one is never cached. */
    public Jid parse(String text) throws XmppStringprepException {
        int h = text.hashCode();
        int i = (h ^ (h >>> 16)) & mask;
        Entry e = slots[i];
        if (e != null && e.text.equals(text)) {
            return e.jid;
        }
        Jid jid = JidCreate.from(text);
        slots[i] = new Entry(text, jid);
        return jid;
    }
}
