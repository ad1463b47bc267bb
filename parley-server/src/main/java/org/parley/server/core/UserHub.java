package org.parley.server.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * The actor for one online user: the user's bound resources and the per-user state that several
 * sessions share (presence composition, forking locks, roster cache). All state is touched on
 * {@link #executor()} only; other threads send it work. This is the unit a cluster node owns.
 */
public final class UserHub {

    private final EntityBareJid user;
    private final SerialExecutor executor;
    private final Map<Resourcepart, Resource> resources = new LinkedHashMap<>(4);
    private final Map<AttachmentKey<?>, Object> attachments = new HashMap<>(4);
    private boolean detached;

    UserHub(EntityBareJid user, Executor pool) {
        this.user = user;
        this.executor = new SerialExecutor(pool);
    }

    public EntityBareJid user() {
        return user;
    }

    public Executor executor() {
        return executor;
    }

    public Resource resource(Resourcepart resource) {
        return resources.get(resource);
    }

    public Collection<Resource> resources() {
        return Collections.unmodifiableCollection(resources.values());
    }

    /** Resources that have sent available presence. */
    public List<Resource> availableResources() {
        List<Resource> out = new ArrayList<>(resources.size());
        for (Resource r : resources.values()) {
            if (r.isAvailable()) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * RFC 6121 §8.5.2.1.1: the available resources with the highest non-negative priority, or an
     * empty list when none has a non-negative priority.
     */
    public List<Resource> highestPriorityResources() {
        int best = -1;
        List<Resource> out = new ArrayList<>(2);
        for (Resource r : resources.values()) {
            if (!r.isAvailable() || r.priority() < 0) {
                continue;
            }
            if (r.priority() > best) {
                best = r.priority();
                out.clear();
            }
            if (r.priority() == best) {
                out.add(r);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    public <T> T attachment(AttachmentKey<T> key, Supplier<T> ifAbsent) {
        return (T) attachments.computeIfAbsent(key, k -> ifAbsent.get());
    }

    @SuppressWarnings("unchecked")
    public <T> T attachment(AttachmentKey<T> key) {
        return (T) attachments.get(key);
    }

    Resource add(Session session) {
        Resource r = new Resource(session);
        resources.put(session.jid().getResourcepart(), r);
        return r;
    }

    /** Removes the resource if it still belongs to {@code session} (a replacement may have taken its place). */
    Resource remove(Session session) {
        Resourcepart key = session.jid().getResourcepart();
        Resource r = resources.get(key);
        if (r != null && r.session() == session) {
            resources.remove(key);
            return r;
        }
        return null;
    }

    boolean isEmpty() {
        return resources.isEmpty();
    }

    boolean isDetached() {
        return detached;
    }

    void detach() {
        detached = true;
    }
}
