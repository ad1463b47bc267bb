package org.parley.xml;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An element's attributes: an immutable map in document order, kept as one flat array of names
 * and values.
 *
 * <p>Why not a LinkedHashMap: an element has a handful of attributes, looked up by a linear scan
 * as fast as by hashing, and elements are what the server holds most of (every session keeps its
 * last presence) and allocates most of (every parsed stanza). Two attributes cost 56 bytes here
 * against about 250 in an unmodifiable LinkedHashMap with its table and entries.
 */
final class Attributes extends AbstractMap<String, String> {

    static final Attributes EMPTY = new Attributes(new String[0]);

    private final String[] pairs; // name0, value0, name1, value1, ...

    private Attributes(String[] pairs) {
        this.pairs = pairs;
    }

    /** The first {@code count} pairs of {@code pairs} (which the caller no longer changes). */
    static Attributes of(String[] pairs, int count) {
        return count == 0 ? EMPTY : new Attributes(Arrays.copyOf(pairs, 2 * count));
    }

    static Attributes copyOf(Map<String, String> map) {
        if (map instanceof Attributes a) {
            return a;
        }
        String[] pairs = new String[2 * map.size()];
        int i = 0;
        for (Map.Entry<String, String> e : map.entrySet()) {
            pairs[i++] = e.getKey();
            pairs[i++] = e.getValue();
        }
        return i == 0 ? EMPTY : new Attributes(pairs);
    }

    /** These attributes with {@code name} set to {@code value} (in place if present, else last), or removed when null. */
    Attributes with(String name, String value) {
        int at = indexOf(name);
        if (value == null) {
            if (at < 0) {
                return this;
            }
            String[] fewer = new String[pairs.length - 2];
            System.arraycopy(pairs, 0, fewer, 0, at);
            System.arraycopy(pairs, at + 2, fewer, at, pairs.length - at - 2);
            return fewer.length == 0 ? EMPTY : new Attributes(fewer);
        }
        String[] copy = Arrays.copyOf(pairs, at < 0 ? pairs.length + 2 : pairs.length);
        int slot = at < 0 ? pairs.length : at;
        copy[slot] = name;
        copy[slot + 1] = value;
        return new Attributes(copy);
    }

    /** Index of {@code name} in a names-and-values array of {@code count} pairs, or -1. */
    static int indexOf(String[] pairs, int count, Object name) {
        for (int i = 0; i < 2 * count; i += 2) {
            if (pairs[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(Object name) {
        return indexOf(pairs, pairs.length / 2, name);
    }

    String nameAt(int index) {
        return pairs[2 * index];
    }

    String valueAt(int index) {
        return pairs[2 * index + 1];
    }

    @Override
    public int size() {
        return pairs.length / 2;
    }

    @Override
    public boolean isEmpty() {
        return pairs.length == 0;
    }

    @Override
    public String get(Object name) {
        int at = indexOf(name);
        return at < 0 ? null : pairs[at + 1];
    }

    @Override
    public boolean containsKey(Object name) {
        return indexOf(name) >= 0;
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super String> action) {
        for (int i = 0; i < pairs.length; i += 2) {
            action.accept(pairs[i], pairs[i + 1]);
        }
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < pairs.length;
                    }

                    @Override
                    public Map.Entry<String, String> next() {
                        if (next >= pairs.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, String> e = new SimpleImmutableEntry<>(pairs[next], pairs[next + 1]);
                        next += 2;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return pairs.length / 2;
            }
        };
    }
}
