package org.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Bare JIDs to user indexes, looked up straight from a received stanza's bytes: the rich-presence
 * receive path names its sender only by the 'from' address, and a String (plus a hash-map probe)
 * per delivery cost the generator more than the server spends delivering it. Open addressing over
 * the UTF-8 bytes; fixed after construction, so event-loop threads read it without locks.
 */
final class BareJidTable {

    private final byte[][] keys;
    private final int[] values;
    private final int mask;

    /** {@code jids.get(i)} maps to i; null entries (users not signed in) are left out. */
    BareJidTable(List<String> jids) {
        int size = Integer.highestOneBit(Math.max(4, jids.size() * 2 - 1)) << 1;
        keys = new byte[size][];
        values = new int[size];
        mask = size - 1;
        for (int i = 0; i < jids.size(); i++) {
            if (jids.get(i) == null) {
                continue;
            }
            byte[] key = jids.get(i).getBytes(StandardCharsets.UTF_8);
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], key)) {
                    throw new IllegalArgumentException("duplicate JID " + jids.get(i));
                }
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            values[slot] = i;
        }
    }

    /** The index of the bare JID in {@code buf[from, to)}, or -1. */
    int indexOf(byte[] buf, int from, int to) {
        int slot = hash(buf, from, to) & mask;
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], 0, keys[slot].length, buf, from, to)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16); // the low bits index the table; spread the high ones into them
    }
}
