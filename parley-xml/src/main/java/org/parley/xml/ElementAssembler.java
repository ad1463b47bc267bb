package org.parley.xml;

import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.util.ArrayList;

/** Builds the element tree below the stream root from reader events. */
final class ElementAssembler {

    /** Text buffers above this are dropped between elements so idle sessions stay small. */
    private static final int KEPT_TEXT_CAPACITY = 1024;

    private final ArrayList<Element.Builder> open = new ArrayList<>(8);
    private StringBuilder text;

    int depth() {
        return open.size();
    }

    void start(AsyncXMLStreamReader<?> r) {
        flushText();
        String ns = r.getNamespaceURI();
        Element.Builder b = Element.builder(r.getLocalName(), ns == null ? "" : ns);
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            b.attribute(attributeName(r, i), r.getAttributeValue(i));
        }
        open.add(b);
    }

    /** Closes the innermost element; returns it when it was top-level, else adds it to its parent. */
    Element end() {
        flushText();
        Element e = open.remove(open.size() - 1).build();
        if (!open.isEmpty()) {
            open.get(open.size() - 1).child(e);
            return null;
        }
        if (text != null && text.capacity() > KEPT_TEXT_CAPACITY) {
            text = null;
        }
        return e;
    }

    void text(char[] chars, int start, int length) {
        if (text == null) {
            text = new StringBuilder(Math.max(32, length));
        }
        text.append(chars, start, length);
    }

    void clear() {
        open.clear();
        text = null;
    }

    /** Adjacent text events (Aalto splits at entities and chunk ends) become one Text node. */
    private void flushText() {
        if (text != null && text.length() > 0) {
            open.get(open.size() - 1).text(text.toString());
            text.setLength(0);
        }
    }

    /** Unprefixed attributes by local name; {@code xml:lang} and other namespaced ones keep their prefix. */
    private static String attributeName(AsyncXMLStreamReader<?> r, int i) {
        String prefix = r.getAttributePrefix(i);
        String local = r.getAttributeLocalName(i);
        return prefix == null || prefix.isEmpty() ? local : prefix + ':' + local;
    }
}
