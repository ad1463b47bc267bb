package org.parley.server.muc;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Component;
import org.parley.server.core.Router;
import org.parley.server.core.SerialExecutor;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * The chat-room service at conference.domain: the registry of rooms (each an actor on the shared
 * pool), room creation within the seed's limits, and stanzas to the service itself (disco and
 * room search). Everything for a room is handed to that room's executor.
 */
public final class MucService implements Component, RoomHost {

    private final DomainBareJid domain;
    private final ParleyConfig.Muc settings;
    private final Router router;
    private final Clock clock;
    private final Executor actors;
    private final RoomPersistence persistence;
    private final RoomHandlers handlers;
    private final CreatorPolicy creators;
    private final ServiceIq serviceIq;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger persistentRooms = new AtomicInteger();
    /** Which rooms each session is in, so a session that ends leaves them all. */
    private final Map<EntityFullJid, Set<Room>> occupancy = new ConcurrentHashMap<>();
    private final Object creation = new Object();
    private final ComposedPresences composed = new ComposedPresences(this);

    MucService(DomainBareJid domain, ParleyConfig.Muc settings, Router router, Clock clock, Executor actors,
               RoomPersistence persistence, RoomHandlers handlers, CreatorPolicy creators) {
        this.domain = domain;
        this.settings = settings;
        this.router = router;
        this.clock = clock;
        this.actors = actors;
        this.persistence = persistence;
        this.handlers = handlers;
        this.creators = creators;
        this.serviceIq = new ServiceIq(this);
    }

    @Override
    public String domain() {
        return domain.toString();
    }

    DomainBareJid serviceJid() {
        return domain;
    }

    @Override
    public void receive(Stanza stanza) {
        if (!stanza.to().hasLocalpart()) {
            serviceIq.handle(stanza);
            return;
        }
        String name = stanza.to().getLocalpartOrThrow().toString();
        Room room = rooms.get(name);
        if (room == null) {
            if (!isJoin(stanza)) {
                if (stanza.isPresence()) {
                    return; // an unavailable or other presence to no room needs no answer
                }
                throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "No room " + stanza.to().asBareJid());
            }
            room = create(name, stanza.from().asBareJid());
        }
        room.receive(stanza);
    }

    private static boolean isJoin(Stanza s) {
        return s.isPresence() && s.type() == null && s.to().hasResource() && s.from() != null && s.from().hasResource();
    }

    /** A user's join creates an ad hoc, locked room they own (XEP-0045 §10.1), within muc.maxRooms. */
    private Room create(String name, BareJid creator) {
        synchronized (creation) {
            Room existing = rooms.get(name);
            if (existing != null) {
                return existing;
            }
            if (rooms.size() >= settings.maxRooms()) {
                throw new StanzaErrorException(StanzaErrorCondition.NOT_ALLOWED,
                        "This service has reached its limit of " + settings.maxRooms() + " rooms");
            }
            Room room = newRoom(name, RoomConfig.adHoc(), Map.of(creator, Affiliation.OWNER), clock.instant());
            room.locked = true;
            room.creator = creator;
            rooms.put(name, room);
            return room;
        }
    }

    Room newRoom(String name, RoomConfig config, Map<BareJid, Affiliation> affiliations, java.time.Instant createdAt) {
        EntityBareJid jid = JidCreate.entityBareFrom(org.jxmpp.jid.parts.Localpart.fromOrThrowUnchecked(name), domain);
        return new Room(jid, new SerialExecutor(actors), this, handlers, config, affiliations, createdAt);
    }

    /** Adds a room built elsewhere (loaded at start, created by an administrator); false if the name is taken. */
    boolean register(Room room) {
        synchronized (creation) {
            if (rooms.containsKey(room.name())) {
                return false;
            }
            rooms.put(room.name(), room);
            return true;
        }
    }

    boolean hasRoomCapacity() {
        return rooms.size() < settings.maxRooms();
    }

    Room room(String name) {
        return rooms.get(name);
    }

    Collection<Room> rooms() {
        return List.copyOf(rooms.values());
    }

    /** The rooms a session is in (empty when none). */
    Set<Room> roomsOf(EntityFullJid session) {
        Set<Room> in = occupancy.get(session);
        return in == null ? Set.of() : Set.copyOf(in);
    }

    ComposedPresences composedPresences() {
        return composed;
    }

    @Override
    public org.parley.server.presence.Availability composedPresence(BareJid user) {
        return composed.of(user);
    }

    /** A session ended: it leaves every room it was in, as if it had sent unavailable presence. */
    void sessionEnded(EntityFullJid session) {
        Set<Room> in = occupancy.get(session);
        if (in == null) {
            return;
        }
        for (Room room : List.copyOf(in)) {
            room.receive(Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                    .attribute("type", "unavailable")
                    .attribute("from", session.toString())
                    .attribute("to", room.jid().toString())
                    .build()));
        }
    }

    @Override
    public ParleyConfig.Muc settings() {
        return settings;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RoomPersistence persistence() {
        return persistence;
    }

    @Override
    public void send(Stanza stanza) {
        if (stanza.to() != null && stanza.to().hasResource()) {
            router.deliverIntercepted(stanza);
        } else {
            router.route(stanza);
        }
    }

    @Override
    public void redispatch(Stanza stanza) {
        try {
            receive(stanza);
        } catch (StanzaErrorException e) {
            if (!stanza.isError() && !(stanza.isIq() && !stanza.isIqRequest()) && stanza.from() != null) {
                send(Stanzas.error(stanza, e.condition(), e.errorType(), e.text()));
            }
        }
    }

    @Override
    public void occupantJoined(EntityFullJid realJid, Room room) {
        occupancy.computeIfAbsent(realJid, j -> ConcurrentHashMap.newKeySet()).add(room);
    }

    @Override
    public void occupantLeft(EntityFullJid realJid, Room room) {
        occupancy.computeIfPresent(realJid, (j, set) -> {
            set.remove(room);
            return set.isEmpty() ? null : set;
        });
    }

    @Override
    public void roomGone(Room room) {
        rooms.remove(room.name(), room);
    }

    @Override
    public boolean mayCreatePersistent(BareJid user) {
        return creators.mayCreatePersistent(user);
    }

    @Override
    public boolean reservePersistent() {
        while (true) {
            int n = persistentRooms.get();
            if (n >= settings.maxPersistentRooms()) {
                return false;
            }
            if (persistentRooms.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    @Override
    public void releasePersistent() {
        persistentRooms.decrementAndGet();
    }
}
