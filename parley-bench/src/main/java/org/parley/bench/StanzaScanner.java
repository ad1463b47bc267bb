package org.parley.bench;

import java.util.Arrays;

/**
 * Frames the top-level elements of an open XMPP stream by scanning bytes, without building trees:
 * the generator's receive path once a session is online, where a full parse per stanza would cost
 * more CPU than the servers it measures spend routing it.
 *
 * <p>It tracks only tag boundaries, quoted attribute values and depth, which is enough for the
 * well-formed output of a server under test (RFC 6120 §11 forbids comments, PIs and DTDs in
 * streams; a CDATA section holding {@code >} is the one construct it would misframe, and no
 * server sends one for the generator's plain-text bodies). Bytes are copied into one reusable
 * array per connection; nothing is allocated per stanza once it has grown to the largest stanza.
 */
final class StanzaScanner {

    /** Receives each complete top-level element as a range of the scanner's buffer, valid during the call. */
    interface Sink {
        void element(byte[] buf, int start, int end);

        void streamClosed();
    }

    private static final int TEXT = 0;
    private static final int LT = 1;
    private static final int START_TAG = 2;
    private static final int END_TAG = 3;
    private static final int SKIP = 4;

    private byte[] buf = new byte[2048];
    private int len; // bytes held
    private int pos; // next byte to scan
    private int state = TEXT;
    private byte quote; // inside a quoted attribute value of a start tag: its quote byte
    private int depth; // open elements below the stream root
    private int ltPos; // where the current tag began
    private int elementStart; // where the current top-level element began

    /** Appends bytes and hands every element they complete to the sink. */
    void feed(io.netty.buffer.ByteBuf in, Sink sink) {
        int n = in.readableBytes();
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        in.readBytes(buf, len, n);
        len += n;
        scan(sink);
    }

    /** Same, from an array (used for bytes the tree parser already read). */
    void feed(byte[] bytes, Sink sink) {
        if (len + bytes.length > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + bytes.length));
        }
        System.arraycopy(bytes, 0, buf, len, bytes.length);
        len += bytes.length;
        scan(sink);
    }

    private void scan(Sink sink) {
        byte[] b = buf;
        for (int i = pos; i < len; i++) {
            byte c = b[i];
            switch (state) {
                case TEXT -> {
                    if (c == '<') {
                        state = LT;
                        ltPos = i;
                    }
                }
                case LT -> {
                    if (c == '/') {
                        state = END_TAG;
                    } else if (c == '?' || c == '!') {
                        state = SKIP;
                    } else {
                        state = START_TAG;
                        if (depth == 0) {
                            elementStart = ltPos;
                        }
                    }
                }
                case START_TAG -> {
                    if (quote != 0) {
                        if (c == quote) {
                            quote = 0;
                        }
                    } else if (c == '"' || c == '\'') {
                        quote = c;
                    } else if (c == '>') {
                        state = TEXT;
                        if (b[i - 1] == '/') {
                            if (depth == 0) {
                                sink.element(b, elementStart, i + 1);
                            }
                        } else {
                            depth++;
                        }
                    }
                }
                case END_TAG -> {
                    if (c == '>') {
                        state = TEXT;
                        depth--;
                        if (depth == 0) {
                            sink.element(b, elementStart, i + 1);
                        } else if (depth < 0) {
                            depth = 0;
                            sink.streamClosed();
                        }
                    }
                }
                default -> { // SKIP
                    if (c == '>') {
                        state = TEXT;
                    }
                }
            }
        }
        compact();
    }

    /** Keeps only the unfinished element (or tag), so the buffer stays the size of one stanza. */
    private void compact() {
        int keep;
        if (depth > 0 || state == START_TAG && ltPos == elementStart) {
            keep = elementStart;
        } else if (state == TEXT) {
            keep = len;
        } else {
            keep = ltPos;
        }
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, len - keep);
            len -= keep;
            ltPos -= keep;
            elementStart -= keep;
        }
        pos = len;
    }
}
