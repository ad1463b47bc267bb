package org.parley.server.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Typed events between modules (a session bound, a message undeliverable, a user deleted).
 * Listeners run synchronously on the publisher's thread, which is the owning actor's executor
 * for hub events, so a listener must not block; it hands blocking work to the blocking pool.
 */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final Map<Class<?>, List<Consumer<Object>>> listeners = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <E> void subscribe(Class<E> type, Consumer<? super E> listener) {
        listeners.computeIfAbsent(type, t -> new CopyOnWriteArrayList<>()).add((Consumer<Object>) listener);
    }

    public void publish(Object event) {
        List<Consumer<Object>> forType = listeners.get(event.getClass());
        if (forType == null) {
            return;
        }
        for (Consumer<Object> listener : forType) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.error("listener failed for {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
