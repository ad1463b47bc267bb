package org.parley.bench;

import java.nio.charset.StandardCharsets;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;

/**
 * A received top-level element as bytes, valid only during the listener call: one reusable view
 * per connection, so the hot path (chat and presence measurements) reads what it needs by
 * scanning, with no allocation. {@link #element()} builds the tree for the rare stanzas that need
 * one (roster set-up).
 */
public final class Incoming {

    private static final byte[] STREAM_PREFIX = ("<stream:stream xmlns='" + Namespaces.CLIENT
            + "' xmlns:stream='" + Namespaces.STREAM + "'>").getBytes(StandardCharsets.US_ASCII);

    private byte[] buf;
    private int start;
    private int end;
    private int cursor;

    Incoming wrap(byte[] bytes, int from, int to) {
        this.buf = bytes;
        this.start = from;
        this.end = to;
        this.cursor = from;
        return this;
    }

    /** Whether the element's name is exactly {@code name} (as written, prefix included). */
    public boolean is(String name) {
        int n = name.length();
        int i = start + 1;
        if (i + n >= end) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            if (buf[i + k] != name.charAt(k)) {
                return false;
            }
        }
        byte after = buf[i + n];
        return after == ' ' || after == '>' || after == '/' || after == '\t' || after == '\n' || after == '\r';
    }

    /** The value of an attribute of the start tag, or null; allocates, so for rare stanzas only. */
    public String attribute(String name) {
        int at = attributeValue(name);
        if (at < 0) {
            return null;
        }
        byte q = buf[at - 1];
        int close = at;
        while (close < end && buf[close] != q) {
            close++;
        }
        return unescape(new String(buf, at, close - at, StandardCharsets.UTF_8));
    }

    /** Whether the start tag carries the attribute; no allocation. */
    public boolean hasAttribute(String name) {
        return attributeValue(name) >= 0;
    }

    /** Whether the start tag carries the attribute and its raw value ends with {@code suffix}; no allocation. */
    public boolean attributeEndsWith(String name, byte[] suffix) {
        int at = attributeValue(name);
        if (at < 0) {
            return false;
        }
        byte q = buf[at - 1];
        int close = at;
        while (close < end && buf[close] != q) {
            close++;
        }
        return close - at >= suffix.length && matchesAt(close - suffix.length, suffix);
    }

    /**
     * The table's index of the bare part (up to any '/') of a JID attribute, or -1 when the
     * attribute is absent or not in the table; no allocation. Raw bytes: for JIDs the generator
     * made, which need no XML escaping.
     */
    int bareJidIndex(String name, BareJidTable table) {
        int at = attributeValue(name);
        if (at < 0) {
            return -1;
        }
        byte q = buf[at - 1];
        int close = at;
        while (close < end && buf[close] != q && buf[close] != '/') {
            close++;
        }
        return table.indexOf(buf, at, close);
    }

    /** Index of the first byte of the attribute's value, or -1. */
    private int attributeValue(String name) {
        int n = name.length();
        byte quote = 0;
        for (int i = start + 1; i < end; i++) {
            byte c = buf[i];
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '>') {
                return -1;
            } else if ((c == ' ' || c == '\t' || c == '\n' || c == '\r') && matchesAt(i + 1, name)) {
                int j = i + 1 + n;
                while (j < end && buf[j] == ' ') {
                    j++;
                }
                if (j < end && buf[j] == '=') {
                    j++;
                    while (j < end && buf[j] == ' ') {
                        j++;
                    }
                    if (j < end && (buf[j] == '\'' || buf[j] == '"')) {
                        return j + 1;
                    }
                }
            }
        }
        return -1;
    }

    private boolean matchesAt(int i, String s) {
        if (i + s.length() > end) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            if (buf[i + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private boolean matchesAt(int i, byte[] s) {
        if (i + s.length > end) {
            return false;
        }
        for (int k = 0; k < s.length; k++) {
            if (buf[i + k] != s[k]) {
                return false;
            }
        }
        return true;
    }

    /** Moves the cursor just past the first occurrence of {@code needle}; false if absent. */
    public boolean seek(byte[] needle) {
        byte first = needle[0];
        for (int i = start, last = end - needle.length; i <= last; i++) {
            if (buf[i] == first && matchesAt(i, needle)) {
                cursor = i + needle.length;
                return true;
            }
        }
        return false;
    }

    /** Whether the element contains these ASCII bytes anywhere. */
    public boolean contains(byte[] needle) {
        int saved = cursor;
        boolean found = seek(needle);
        cursor = saved;
        return found;
    }

    /** Consumes {@code expected} at the cursor; false (cursor unchanged) if the bytes differ. */
    public boolean skip(byte[] expected) {
        if (!matchesAt(cursor, expected)) {
            return false;
        }
        cursor += expected.length;
        return true;
    }

    /** Parses a decimal integer at the cursor and one following space; Long.MIN_VALUE if none is there. */
    public long nextLong() {
        int i = cursor;
        boolean negative = i < end && buf[i] == '-';
        if (negative) {
            i++;
        }
        int digitsFrom = i;
        long v = 0;
        while (i < end && buf[i] >= '0' && buf[i] <= '9') {
            v = v * 10 + (buf[i] - '0');
            i++;
        }
        if (i == digitsFrom) {
            return Long.MIN_VALUE;
        }
        cursor = i < end && buf[i] == ' ' ? i + 1 : i;
        return negative ? -v : v;
    }

    /** The element as a tree (parsed on demand, in the jabber:client namespace); for set-up traffic only. */
    public Element element() {
        Element[] out = new Element[1];
        XmlStreamParser parser = new XmlStreamParser(Math.max(end - start, 1) + STREAM_PREFIX.length);
        try {
            parser.feed(STREAM_PREFIX, 0, STREAM_PREFIX.length, IGNORE);
            parser.feed(buf, start, end - start, new Collect(out));
        } catch (XmlStreamException e) {
            throw new IllegalStateException("malformed stanza from server: " + this, e);
        } finally {
            parser.close();
        }
        return out[0];
    }

    @Override
    public String toString() {
        return new String(buf, start, end - start, StandardCharsets.UTF_8);
    }

    private static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        return s.replace("&apos;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static final XmlStreamHandler IGNORE = new Collect(new Element[1]);

    private record Collect(Element[] out) implements XmlStreamHandler {
        @Override
        public void streamOpened(StreamHeader header) {
        }

        @Override
        public void element(Element element) {
            out[0] = element;
        }

        @Override
        public void streamClosed() {
        }
    }
}
