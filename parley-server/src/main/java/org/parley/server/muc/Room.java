package org.parley.server.muc;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.muc.store.StoredRoom;
import org.parley.xml.Stanza;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat room: an actor. Its state (configuration, affiliations, occupants, history, subject) is
 * touched only on its own serial executor; the service hands it stanzas with {@link #receive}.
 * The protocol lives in small handlers and policies shared by all rooms ({@link RoomHandlers}):
 * this class only holds the state and dispatches.
 */
public final class Room {

    private static final Logger log = LoggerFactory.getLogger(Room.class);

    private final EntityBareJid jid;
    private final Executor executor;
    private final RoomHost host;
    private final RoomHandlers handlers;
    private final Instant createdAt;
    final Affiliations affiliations;
    final Occupants occupants = new Occupants();
    final History history;
    /** IQs relayed between occupants, awaiting their answer (see OccupantIqRelay). */
    final Map<String, OccupantIqRelay.Pending> relayedIqs = OccupantIqRelay.pendingMap();
    /** When each occupant last asked for voice (see VoiceRequests). */
    final Map<Resourcepart, Instant> voiceRequests = new HashMap<>();
    /** Written on the room's executor only; volatile so that the room directory can read it from any thread. */
    volatile RoomConfig config;
    String subject;
    String subjectNick;
    /** XEP-0045 §10.1.1: a new room stays locked until its creator configures it (or accepts the defaults). */
    volatile boolean locked;
    /** Who created the room and has not joined yet: their self-presence carries status 201. */
    BareJid creator;
    /** Ad hoc and emptied, or destroyed: later stanzas are dispatched again by the service. */
    volatile boolean gone;

    Room(EntityBareJid jid, Executor executor, RoomHost host, RoomHandlers handlers, RoomConfig config,
         Map<BareJid, Affiliation> affiliations, Instant createdAt) {
        this.jid = jid;
        this.executor = executor;
        this.host = host;
        this.handlers = handlers;
        this.config = config;
        this.affiliations = new Affiliations(affiliations);
        this.createdAt = createdAt;
        this.history = new History(host.settings().historyMessages());
    }

    public EntityBareJid jid() {
        return jid;
    }

    /** The room's localpart, its key in storage. */
    public String name() {
        return jid.getLocalpart().toString();
    }

    /** Hands a stanza to the room's actor. Any thread. */
    void receive(Stanza stanza) {
        executor.execute(() -> handle(stanza));
    }

    /** Runs {@code work} on the room's executor and completes with its result (admin operations). */
    <T> CompletableFuture<T> ask(Function<Room, T> work) {
        CompletableFuture<T> out = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                out.complete(work.apply(this));
            } catch (RuntimeException e) {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /** The user's composed availability changed: show it on their occupants. Any thread. */
    void composedChanged(BareJid user, org.parley.server.presence.Availability composed) {
        executor.execute(() -> {
            if (!gone) {
                handlers.presence().composedChanged(this, user, composed);
            }
        });
    }

    private void handle(Stanza stanza) {
        if (gone) {
            host.redispatch(stanza);
            return;
        }
        try {
            switch (stanza.kind()) {
                case PRESENCE -> handlers.presence().handle(this, stanza);
                case MESSAGE -> handlers.messages().handle(this, stanza);
                case IQ -> handlers.iqs().handle(this, stanza);
            }
        } catch (StanzaErrorException e) {
            refuse(stanza, e);
        } catch (RuntimeException e) {
            log.error("room {} failed on a {}", jid, stanza.kind(), e);
            refuse(stanza, new StanzaErrorException(org.parley.xml.StanzaErrorCondition.INTERNAL_SERVER_ERROR, null));
        }
    }

    /** Answers {@code request} with an error, unless it is itself an error or an iq result. */
    void refuse(Stanza request, StanzaErrorException e) {
        if (request.isError() || (request.isIq() && !request.isIqRequest()) || request.from() == null) {
            return;
        }
        Stanza answered = request;
        if (request.isPresence()) {
            // The join's muc element may hold the room password: never echo it back.
            answered = request.withElement(request.element().withoutChildren(c -> c.is("x", MucNamespaces.MUC)));
        }
        host.send(Stanzas.error(answered, e.condition(), e.errorType(), e.text()));
    }

    RoomHost host() {
        return host;
    }

    RoomHandlers handlers() {
        return handlers;
    }

    Instant createdAt() {
        return createdAt;
    }

    Affiliation affiliationOf(Jid realJid) {
        return affiliations.of(realJid.asBareJid());
    }

    /**
     * Sends {@code stanza} to every session of {@code occupant}. Walks the sessions themselves
     * rather than {@link Occupant#jids()}: this runs once per occupant per groupchat message, and
     * building that list was 6 % of the server's CPU in a 1,000-occupant room.
     */
    void deliver(Occupant occupant, Stanza stanza) {
        for (OccupantSession session : occupant.sessions()) {
            host.send(stanza.withTo(session.jid()));
        }
    }

    /**
     * What the room directory (disco#items, room search) shows of this room, or null while it is
     * not listed (hidden, locked or gone). Any thread: reads only the volatile state.
     */
    RoomListing listing() {
        RoomConfig c = config;
        if (gone || locked || !c.publicRoom()) {
            return null;
        }
        return new RoomListing(name(), jid.toString(), c.name(), c.description(), occupants.size());
    }

    EntityFullJid occupantJid(Resourcepart nick) {
        return JidCreate.entityFullFrom(jid, nick);
    }

    /** The most occupants this room admits: its own maxusers when set, never more than the service's cap. */
    int occupantLimit() {
        int service = host.settings().maxOccupants();
        return config.maxUsers() > 0 ? Math.min(config.maxUsers(), service) : service;
    }

    /** What administrators see; on the room's executor. */
    org.parley.server.muc.admin.RoomInfo info() {
        Map<String, Affiliation> affs = new java.util.TreeMap<>();
        affiliations.snapshot().forEach((j, a) -> affs.put(j.toString(), a));
        return new org.parley.server.muc.admin.RoomInfo(name(), jid.toString(), config,
                occupants.all().stream().map(o -> o.nick().toString()).toList(), subject, affs);
    }

    StoredRoom snapshot() {
        Map<String, Affiliation> affs = new HashMap<>();
        affiliations.snapshot().forEach((j, a) -> affs.put(j.toString(), a));
        Map<String, String> nicks = new HashMap<>();
        affiliations.reservedNicks().forEach((j, n) -> nicks.put(j.toString(), n.toString()));
        return new StoredRoom(name(), config, subject, subjectNick, affs, nicks, createdAt);
    }

    /**
     * Stores the room's current state if it is persistent (configuration, affiliations, subject);
     * completes when stored (at once for an ad hoc room), or fails when the database did not take it.
     */
    CompletableFuture<Void> persist() {
        if (config.persistent()) {
            return host.persistence().save(snapshot());
        }
        return CompletableFuture.completedFuture(null);
    }

    /** After an occupant left: an ad hoc room with nobody in it ends (the seed's ad hoc rooms). */
    void goneIfEmpty() {
        if (occupants.isEmpty() && !config.persistent()) {
            gone = true;
            host.roomGone(this);
        }
    }
}
