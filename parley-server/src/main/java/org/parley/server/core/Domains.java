package org.parley.server.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.account.AccountNames;

/**
 * The IM domains this node serves: the default domain (from the configuration), the domains an
 * administrator added ({@code bin/parley domain add}, kept in the database) and the
 * system-managed ones, seen in users' addresses (directory URIs). The router, c2s and the
 * account names all ask here; the admin API changes it while the server runs, so it is
 * thread-safe (reads never lock).
 */
public final class Domains {

    /** Who put a domain in the list. */
    public enum Kind { DEFAULT, MANAGED, SYSTEM }

    public record Entry(DomainBareJid domain, Kind kind) {
    }

    /**
     * Told when a domain starts or stops being served (services per domain follow: chat rooms,
     * contact search, the self-signed certificate). Runs on the thread that changed the list
     * (start-up, the admin API's blocking pool, a directory sync): it must not block for long.
     */
    public interface Listener {
        void added(DomainBareJid domain);

        void removed(DomainBareJid domain);
    }

    private final DomainBareJid defaultDomain;
    private final AccountNames names;
    private final Set<DomainBareJid> managed = ConcurrentHashMap.newKeySet();
    private final Set<DomainBareJid> system = ConcurrentHashMap.newKeySet();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    public Domains(DomainBareJid defaultDomain) {
        this.defaultDomain = defaultDomain;
        this.names = new AccountNames(defaultDomain);
    }

    public DomainBareJid defaultDomain() {
        return defaultDomain;
    }

    /** How a local user's bare JID maps to the name that keys its rows. */
    public AccountNames names() {
        return names;
    }

    public boolean isLocal(DomainBareJid domain) {
        return domain.equals(defaultDomain) || managed.contains(domain) || system.contains(domain);
    }

    public boolean isLocalUser(EntityBareJid user) {
        return isLocal(user.asDomainBareJid());
    }

    /** Adds an administrator-managed domain; false when it is already served as such (or is the default). */
    public boolean addManaged(DomainBareJid domain) {
        boolean served = isLocal(domain);
        boolean added = !domain.equals(defaultDomain) && managed.add(domain);
        if (added && !served) {
            listeners.forEach(l -> l.added(domain));
        }
        return added;
    }

    public boolean removeManaged(DomainBareJid domain) {
        boolean removed = managed.remove(domain);
        if (removed && !isLocal(domain)) {
            listeners.forEach(l -> l.removed(domain));
        }
        return removed;
    }

    /** Notes domains seen in users' addresses (they stay served while such users exist). */
    public void addSystem(Collection<DomainBareJid> domains) {
        for (DomainBareJid d : domains) {
            boolean served = isLocal(d);
            if (!d.equals(defaultDomain) && system.add(d) && !served) {
                listeners.forEach(l -> l.added(d));
            }
        }
    }

    /**
     * Subscribes to changes. A listener that sets up something per domain should subscribe first
     * and then walk {@link #all()}: a domain added in between is then seen twice rather than never.
     */
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    /** Every served domain: the default first, then by name; a managed domain that is also system-managed counts as managed. */
    public List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        out.add(new Entry(defaultDomain, Kind.DEFAULT));
        managed.stream().sorted(Comparator.comparing(DomainBareJid::toString))
                .forEach(d -> out.add(new Entry(d, Kind.MANAGED)));
        system.stream().filter(d -> !managed.contains(d)).sorted(Comparator.comparing(DomainBareJid::toString))
                .forEach(d -> out.add(new Entry(d, Kind.SYSTEM)));
        return List.copyOf(out);
    }
}
