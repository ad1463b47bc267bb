package org.parley.server.presence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Node;
import org.parley.xml.Stanza;

/**
 * One user's composed presence, kept on the user's hub (touched on its executor only).
 *
 * <p>Subscribers see one presence per available resource, so that entity capabilities and
 * resource addressing keep working, but each carries the composed show and status instead of the
 * device's own; priority and every other child (caps, idle, vCard hash...) stay the device's.
 * The composer remembers what subscribers last saw of each resource and reports only the
 * presences that differ, so an input change that changes nothing visible sends nothing.
 */
final class PresenceComposer {

    private final Map<Resourcepart, Stanza> published = new LinkedHashMap<>();
    private Availability composed;
    private boolean composedChanged;

    /**
     * Recomputes from the sources (sorted by descending precedence) and returns the per-resource
     * presences (from the resource's full JID, without 'to') that subscribers have not seen yet.
     */
    List<Stanza> recompose(UserHub hub, List<PresenceSource> sources) {
        List<Resource> available = hub.availableResources();
        Availability previous = composed;
        composed = available.isEmpty() ? null : opinion(hub, sources);
        composedChanged = !java.util.Objects.equals(previous, composed);
        List<Stanza> changed = new ArrayList<>();
        published.keySet().removeIf(rp -> hub.resource(rp) == null || !hub.resource(rp).isAvailable());
        for (Resource r : available) {
            Stanza view = composedView(r.presence(), composed);
            Resourcepart rp = r.session().jid().getResourcepart();
            Stanza before = published.get(rp);
            if (before == null || !before.element().equals(view.element())) {
                published.put(rp, view);
                changed.add(view);
            }
        }
        return changed;
    }

    /** Forgets a resource that went unavailable (its unavailable presence is sent by the caller). */
    void forget(Resourcepart resource) {
        published.remove(resource);
    }

    /** What subscribers currently see: one presence per available resource (answers to probes). */
    Collection<Stanza> published() {
        return List.copyOf(published.values());
    }

    /** Whether the last {@link #recompose} changed {@link #composed()}. */
    boolean composedChanged() {
        return composedChanged;
    }

    /** The composed availability, or null while the user has no available resource. */
    Availability composed() {
        return composed;
    }

    private static Availability opinion(UserHub hub, List<PresenceSource> sources) {
        for (PresenceSource s : sources) {
            Availability a = s.opinion(hub);
            if (a != null) {
                return a;
            }
        }
        return new Availability(Show.AVAILABLE, null);
    }

    /** The device's presence with the composed show and status in place of its own. */
    static Stanza composedView(Stanza device, Availability composed) {
        Element e = device.element();
        Element.Builder b = Element.builder(e.name(), e.namespace());
        e.attributes().forEach((k, v) -> {
            // The device's stanza id identifies its own send, not what subscribers see (and would defeat the dedupe).
            if (!k.equals("to") && !k.equals("id")) {
                b.attribute(k, v);
            }
        });
        if (composed.show().xmlValue() != null) {
            b.textChild("show", composed.show().xmlValue());
        }
        if (composed.status() != null) {
            b.textChild("status", composed.status());
        }
        for (Node n : e.children()) {
            if (n instanceof Element child && child.namespace().equals(Namespaces.CLIENT)
                    && (child.name().equals("show") || child.name().equals("status"))) {
                continue;
            }
            if (n instanceof Element) {
                b.child(n);
            }
        }
        return Stanza.of(b.build());
    }
}
