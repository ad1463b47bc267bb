package org.parley.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Records what a parser reports, and feeds documents whole or one byte at a time. */
class Recorder implements XmlStreamHandler {

    sealed interface Event permits Opened, Got, Closed { }

    record Opened(StreamHeader header) implements Event { }

    record Got(Element element) implements Event { }

    record Closed() implements Event { }

    final List<Event> events = new ArrayList<>();

    @Override
    public void streamOpened(StreamHeader header) {
        events.add(new Opened(header));
    }

    @Override
    public void element(Element element) {
        events.add(new Got(element));
    }

    @Override
    public void streamClosed() {
        events.add(new Closed());
    }

    List<Element> elements() {
        List<Element> out = new ArrayList<>();
        for (Event e : events) {
            if (e instanceof Got g) {
                out.add(g.element());
            }
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Feeds the whole document in one call. */
    static List<Event> whole(String doc, int max) throws XmlStreamException {
        Recorder r = new Recorder();
        byte[] b = utf8(doc);
        new XmlStreamParser(max).feed(b, 0, b.length, r);
        return r.events;
    }

    /** Feeds one byte per call, from a shared array at a moving offset (as a socket buffer would). */
    static List<Event> byteByByte(String doc, int max) throws XmlStreamException {
        Recorder r = new Recorder();
        byte[] b = utf8(doc);
        XmlStreamParser p = new XmlStreamParser(max);
        for (int i = 0; i < b.length; i++) {
            p.feed(b, i, 1, r);
        }
        return r.events;
    }
}
