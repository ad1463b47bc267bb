package org.parley.xml;

/**
 * A stanza's XML as UTF-8, in three parts that a transport writes one after the other: what
 * comes before the {@code to} value, the value, and what follows it. Copies of one stanza that
 * differ only in their addressee (a chat-room message to every occupant, a presence to every
 * subscriber) share {@link #head} and {@link #tail}, so the stanza is serialised once for all of
 * them and each recipient costs the encoding of its address. The arrays are shared: never
 * change them.
 */
public record StanzaBytes(byte[] head, byte[] to, byte[] tail) {

    private static final byte[] NONE = new byte[0];

    /** One stanza's bytes in one piece. */
    static StanzaBytes whole(byte[] xml) {
        return new StanzaBytes(xml, NONE, NONE);
    }

    public int length() {
        return head.length + to.length + tail.length;
    }

    /** The three parts joined (tests and callers that need one array). */
    public byte[] toArray() {
        byte[] out = new byte[length()];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(to, 0, out, head.length, to.length);
        System.arraycopy(tail, 0, out, head.length + to.length, tail.length);
        return out;
    }
}
