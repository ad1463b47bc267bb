package org.parley.server.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.xml.StanzaKind;

/**
 * Everything modules register with the router: iq handlers keyed by scope and payload namespace,
 * message/presence handlers keyed by kind and target, components by domain, and interceptors.
 * Registration happens at start-up; lookups are lock-free.
 */
public final class HandlerRegistry {

    private final Map<IqScope, Map<String, IqHandler>> iqHandlers = Map.of(
            IqScope.SERVER, new ConcurrentHashMap<>(), IqScope.ACCOUNT, new ConcurrentHashMap<>());
    private final Map<StanzaKind, Map<Target, StanzaHandler>> stanzaHandlers = Map.of(
            StanzaKind.MESSAGE, new ConcurrentHashMap<>(), StanzaKind.PRESENCE, new ConcurrentHashMap<>());
    private final Map<String, Component> components = new ConcurrentHashMap<>();
    private final List<Interceptor> interceptors = new CopyOnWriteArrayList<>();

    public void iq(IqScope scope, String namespace, IqHandler handler) {
        if (iqHandlers.get(scope).putIfAbsent(namespace, handler) != null) {
            throw new IllegalStateException("iq handler already registered: " + scope + " " + namespace);
        }
    }

    public void stanza(StanzaKind kind, Target target, StanzaHandler handler) {
        if (kind == StanzaKind.IQ) {
            throw new IllegalArgumentException("iq goes through iq(scope, namespace, handler)");
        }
        if (stanzaHandlers.get(kind).putIfAbsent(target, handler) != null) {
            throw new IllegalStateException("handler already registered: " + kind + " " + target);
        }
    }

    public void component(Component component) {
        if (components.putIfAbsent(component.domain(), component) != null) {
            throw new IllegalStateException("component already registered: " + component.domain());
        }
    }

    /** Stops routing to a component (its domain stopped being served); false when none was registered there. */
    public boolean removeComponent(String domain) {
        return components.remove(domain) != null;
    }

    public void interceptor(Interceptor interceptor) {
        interceptors.add(interceptor);
    }

    IqHandler iqHandler(IqScope scope, String namespace) {
        return iqHandlers.get(scope).get(namespace);
    }

    StanzaHandler stanzaHandler(StanzaKind kind, Target target) {
        return stanzaHandlers.get(kind).get(target);
    }

    Component component(String domain) {
        return components.get(domain);
    }

    public Map<String, Component> components() {
        return Map.copyOf(components);
    }

    List<Interceptor> interceptors() {
        return interceptors;
    }
}
