package org.parley.server.muc;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.parley.xml.Element;
import org.parley.xml.Stanza;

/**
 * The history policy: the room's last messages, replayed to each joining occupant (XEP-0045
 * §7.2.13). Keeps at most {@code muc.historyMessages}; honours the client's
 * {@code <history maxstanzas maxchars seconds since/>}. Touched on the room's executor only.
 */
final class History {

    /** A message as the room broadcast it (from room/nick, no 'to'), and when. */
    record Entry(Stanza message, Instant at) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    History(int capacity) {
        this.capacity = capacity;
    }

    void add(Stanza message, Instant at) {
        if (capacity <= 0) {
            return;
        }
        entries.addLast(new Entry(message, at));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
    }

    /** The entries to replay, oldest first, for a join carrying {@code request} (may be null). */
    List<Entry> select(Element request, Instant now) {
        int maxStanzas = capacity;
        int maxChars = Integer.MAX_VALUE;
        Instant since = null;
        if (request != null) {
            maxStanzas = Math.min(capacity, nonNegative(request.attribute("maxstanzas"), capacity));
            maxChars = nonNegative(request.attribute("maxchars"), Integer.MAX_VALUE);
            String seconds = request.attribute("seconds");
            if (seconds != null) {
                since = now.minusSeconds(nonNegative(seconds, 0));
            }
            String sinceText = request.attribute("since");
            if (sinceText != null) {
                try {
                    Instant s = Instant.parse(sinceText);
                    since = since == null || s.isAfter(since) ? s : since;
                } catch (DateTimeParseException e) {
                    // An unreadable date is treated as absent: the client still gets a usable room.
                }
            }
        }
        List<Entry> newestFirst = new ArrayList<>();
        int chars = 0;
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext() && newestFirst.size() < maxStanzas; ) {
            Entry e = it.next();
            if (since != null && e.at().isBefore(since)) {
                break;
            }
            chars += e.message().toXml().length();
            if (chars > maxChars) {
                break;
            }
            newestFirst.add(e);
        }
        List<Entry> out = new ArrayList<>(newestFirst.size());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            out.add(newestFirst.get(i));
        }
        return out;
    }

    private static int nonNegative(String value, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
