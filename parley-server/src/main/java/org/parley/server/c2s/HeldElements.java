package org.parley.server.c2s;

import java.util.ArrayDeque;
import org.parley.xml.Element;

/**
 * Elements a client pipelined while an answer (a SASL step, bind, registration) was pending:
 * kept in order and handled once the answer is written. Bounded, because a client that
 * pipelines more than a handful is abusive; allocated only when something is held, so an idle
 * connection pays nothing for it.
 */
final class HeldElements {

    private static final int MAX = 16;

    private ArrayDeque<Element> queue;

    /** Holds {@code element}; false when the bound is reached (the caller ends the stream). */
    boolean add(Element element) {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        if (queue.size() >= MAX) {
            return false;
        }
        queue.add(element);
        return true;
    }

    /** The oldest held element, or null when none is left (the queue is then released). */
    Element poll() {
        Element next = queue == null ? null : queue.poll();
        if (next == null) {
            queue = null;
        }
        return next;
    }

    void clear() {
        queue = null;
    }
}
