package org.parley.server.muc;

import java.util.List;
import java.util.function.Function;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.StanzaErrorCondition;

/**
 * Result Set Management (XEP-0059) over a list already sorted by its items' ids: what a request's
 * {@code <set/>} asks for (max, after, before, index) and the page it selects. {@code after} and
 * {@code before} are positions in the order, so an id that is no longer in the list (a room that
 * ended between two pages) still pages on from where it was instead of failing.
 *
 * @param max      the page size, already capped by the service
 * @param after    page forward from this id (exclusive), or null
 * @param before   page backward from this id (exclusive), or null
 * @param lastPage {@code <before/>} was empty: the last page
 * @param index    the page starting at this position, or -1
 */
record ResultSet(int max, String after, String before, boolean lastPage, int index) {

    /** One page: its items, their position in the whole list and the whole list's size. */
    record Page<T>(List<T> items, int firstIndex, int count) {
    }

    /** Reads a request's {@code <set/>} (null: none, so at most {@code cap} items from the start). */
    static ResultSet parse(Element set, int cap) {
        if (set == null) {
            return new ResultSet(cap, null, null, false, -1);
        }
        int max = Math.min(cap, number(set, "max", cap));
        String beforeText = set.childText("before", MucNamespaces.RSM);
        String before = beforeText == null || beforeText.isBlank() ? null : beforeText.trim();
        String afterText = set.childText("after", MucNamespaces.RSM);
        String after = afterText == null || afterText.isBlank() ? null : afterText.trim();
        return new ResultSet(max, after, before, beforeText != null && before == null, number(set, "index", -1));
    }

    private static int number(Element set, String name, int absent) {
        String v = set.childText(name, MucNamespaces.RSM);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "RSM " + name + " is a number of 0 or more");
        }
    }

    /** The page of {@code sorted} (sorted by {@code id}, ascending) this request selects. */
    <T> Page<T> select(List<T> sorted, Function<T, String> id) {
        int from;
        int to;
        if (before != null || lastPage) {
            to = before == null ? sorted.size() : firstAtOrAfter(sorted, id, before);
            from = Math.max(0, to - max);
        } else {
            from = after != null ? firstAfter(sorted, id, after) : index >= 0 ? Math.min(index, sorted.size()) : 0;
            to = Math.min(sorted.size(), from + max);
        }
        return new Page<>(List.copyOf(sorted.subList(from, to)), from, sorted.size());
    }

    private static <T> int firstAtOrAfter(List<T> sorted, Function<T, String> id, String key) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (id.apply(sorted.get(mid)).compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static <T> int firstAfter(List<T> sorted, Function<T, String> id, String key) {
        int at = firstAtOrAfter(sorted, id, key);
        return at < sorted.size() && id.apply(sorted.get(at)).equals(key) ? at + 1 : at;
    }

    /** The response's {@code <set/>}: first (with its index), last and count; only the count for an empty page. */
    static <T> Element answer(Page<T> page, Function<T, String> id) {
        Element.Builder set = Element.builder("set", MucNamespaces.RSM);
        if (!page.items().isEmpty()) {
            set.child(Element.builder("first", MucNamespaces.RSM).attribute("index", Integer.toString(page.firstIndex()))
                    .text(id.apply(page.items().get(0))).build());
            set.child(Element.builder("last", MucNamespaces.RSM)
                    .text(id.apply(page.items().get(page.items().size() - 1))).build());
        }
        set.child(Element.builder("count", MucNamespaces.RSM).text(Integer.toString(page.count())).build());
        return set.build();
    }
}
