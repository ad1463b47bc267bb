package org.parley.server.muc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.muc.admin.MemberJids;
import org.parley.server.muc.admin.RoomAdminException;
import org.parley.server.muc.admin.RoomAdministration;
import org.parley.server.muc.admin.RoomInfo;
import org.parley.server.muc.admin.RoomSpec;
import org.parley.server.muc.store.StoredRoom;

/**
 * {@link RoomAdministration} on a running service: operations run on the rooms' own executors,
 * so occupants see a destruction or a lost membership at once, exactly as if an owner had done it.
 * A change to a persistent room is stored first and applied to the live room after: when the
 * database does not answer, the operation fails with its storage error (the API's 503) and the
 * room is as it was.
 */
final class LiveRoomAdministration implements RoomAdministration {

    private final MucService service;
    private final DomainBareJid serverDomain;
    private final AffiliationChange affiliations = new AffiliationChange();
    private final RoomDestruction destruction = new RoomDestruction();

    LiveRoomAdministration(MucService service, DomainBareJid serverDomain) {
        this.service = service;
        this.serverDomain = serverDomain;
    }

    @Override
    public CompletableFuture<List<RoomInfo>> list() {
        List<CompletableFuture<RoomInfo>> asks = new ArrayList<>();
        for (Room room : service.rooms()) {
            asks.add(room.ask(r -> r.gone ? null : r.info()));
        }
        return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new)).thenApply(v -> asks.stream()
                .map(CompletableFuture::join).filter(i -> i != null).sorted(Comparator.comparing(RoomInfo::name)).toList());
    }

    @Override
    public CompletableFuture<Optional<RoomInfo>> info(String name) {
        Room room = service.room(name);
        return room == null ? CompletableFuture.completedFuture(Optional.empty())
                : room.ask(r -> r.gone ? Optional.empty() : Optional.of(r.info()));
    }

    @Override
    public CompletableFuture<RoomInfo> create(RoomSpec spec) {
        String name = localpart(spec.name());
        Map<BareJid, Affiliation> affs = new HashMap<>();
        spec.members().forEach(m -> affs.put(MemberJids.parse(m, serverDomain), Affiliation.MEMBER));
        spec.owners().forEach(o -> affs.put(MemberJids.parse(o, serverDomain), Affiliation.OWNER));
        if (!affs.containsValue(Affiliation.OWNER)) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "A room needs at least one owner");
        }
        if (service.room(name) != null) {
            throw new RoomAdminException(RoomAdminException.Reason.EXISTS, "Room " + name + " already exists");
        }
        if (!service.hasRoomCapacity()) {
            throw new RoomAdminException(RoomAdminException.Reason.LIMIT_REACHED,
                    "This service has reached its limit of " + service.settings().maxRooms() + " rooms");
        }
        if (!service.reservePersistent()) {
            throw new RoomAdminException(RoomAdminException.Reason.LIMIT_REACHED,
                    "This service has reached its limit of " + service.settings().maxPersistentRooms() + " persistent rooms");
        }
        RoomConfig.Builder b = RoomConfig.adHoc().toBuilder();
        b.name = spec.title();
        b.description = spec.description();
        b.persistent = true;
        b.membersOnly = spec.membersOnly();
        b.publicRoom = spec.publicRoom();
        Room room = service.newRoom(name, b.build(), affs, service.clock().instant());
        if (!service.register(room)) {
            service.releasePersistent();
            throw new RoomAdminException(RoomAdminException.Reason.EXISTS, "Room " + name + " already exists");
        }
        CompletableFuture<RoomInfo> created = room.ask(Room::persist).thenCompose(stored -> stored)
                .thenCompose(v -> room.ask(Room::info));
        return created.whenComplete((info, failure) -> {
            if (failure != null) {
                // Not stored: the room must not live on as if it were persistent. Unlisted at once,
                // so that the caller sees no trace of it; marked gone on its own executor.
                service.roomGone(room);
                room.ask(r -> r.gone = true);
                service.releasePersistent();
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> destroy(String name, String reason) {
        Room room = service.room(name);
        if (room == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> stored = room.ask(r -> r.config.persistent())
                .thenCompose(persistent -> persistent ? service.persistence().delete(name)
                        : CompletableFuture.completedFuture(true));
        return stored.thenCompose(deleted -> room.ask(r -> {
            if (r.gone) {
                return false;
            }
            destruction.destroy(r, null, reason);
            return true;
        }));
    }

    @Override
    public CompletableFuture<RoomInfo> setAffiliation(String name, String jid, Affiliation affiliation) {
        BareJid user = MemberJids.parse(jid, serverDomain);
        Room room = service.room(name);
        if (room == null) {
            throw new RoomAdminException(RoomAdminException.Reason.NOT_FOUND, "No room " + name);
        }
        CompletableFuture<Void> stored = room.ask(r -> {
            if (r.gone) {
                throw new RoomAdminException(RoomAdminException.Reason.NOT_FOUND, "No room " + name);
            }
            try {
                AffiliationChange.checkKeepsAnOwner(r, user, affiliation);
            } catch (StanzaErrorException e) {
                throw new RoomAdminException(RoomAdminException.Reason.INVALID, e.text());
            }
            return r.config.persistent() ? withAffiliation(r.snapshot(), user, affiliation) : null;
        }).thenCompose(next -> next == null ? CompletableFuture.<Void>completedFuture(null)
                : service.persistence().save(next));
        return stored.thenCompose(v -> room.ask(r -> {
            affiliations.apply(r, user, affiliation, null, null);
            r.persist();
            return r.info();
        }));
    }

    /** The stored room with one affiliation changed (and the user's registered nickname gone with membership). */
    private static StoredRoom withAffiliation(StoredRoom room, BareJid user, Affiliation affiliation) {
        Map<String, Affiliation> affs = new HashMap<>(room.affiliations());
        Map<String, String> nicks = new HashMap<>(room.nicks());
        if (affiliation == Affiliation.NONE) {
            affs.remove(user.toString());
        } else {
            affs.put(user.toString(), affiliation);
        }
        if (!affiliation.atLeast(Affiliation.MEMBER)) {
            nicks.remove(user.toString());
        }
        return new StoredRoom(room.name(), room.config(), room.subject(), room.subjectNick(), affs, nicks,
                room.createdAt());
    }

    static String localpart(String name) {
        try {
            return Localpart.from(name == null ? "" : name.trim()).toString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "Not a valid room name: " + name);
        }
    }
}
