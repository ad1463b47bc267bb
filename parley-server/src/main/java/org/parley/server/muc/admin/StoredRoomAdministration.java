package org.parley.server.muc.admin;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.parts.Localpart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.muc.Affiliation;
import org.parley.server.muc.RoomConfig;
import org.parley.server.muc.store.RoomStore;
import org.parley.server.muc.store.StoredRoom;
import org.parley.server.storage.BlockingPool;

/**
 * {@link RoomAdministration} on the database alone, for the CLI when no server runs: only
 * persistent rooms exist there, and nobody is in them. The server loads what this writes at its
 * next start.
 */
public final class StoredRoomAdministration implements RoomAdministration {

    private final RoomStore store;
    private final BlockingPool blocking;
    private final ParleyConfig.Muc settings;
    private final DomainBareJid serverDomain;
    private final DomainBareJid serviceDomain;
    private final Clock clock;

    public StoredRoomAdministration(RoomStore store, BlockingPool blocking, ParleyConfig.Muc settings,
                                    DomainBareJid serverDomain, DomainBareJid serviceDomain, Clock clock) {
        this.store = store;
        this.blocking = blocking;
        this.settings = settings;
        this.serverDomain = serverDomain;
        this.serviceDomain = serviceDomain;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<List<RoomInfo>> list() {
        return blocking.supply(() -> store.loadAll().stream().map(this::info).toList());
    }

    @Override
    public CompletableFuture<Optional<RoomInfo>> info(String name) {
        return blocking.supply(() -> store.load(localpart(name)).map(this::info));
    }

    @Override
    public CompletableFuture<RoomInfo> create(RoomSpec spec) {
        String name = localpart(spec.name());
        Map<String, Affiliation> affs = new HashMap<>();
        spec.members().forEach(m -> affs.put(MemberJids.parse(m, serverDomain).toString(), Affiliation.MEMBER));
        spec.owners().forEach(o -> affs.put(MemberJids.parse(o, serverDomain).toString(), Affiliation.OWNER));
        if (!affs.containsValue(Affiliation.OWNER)) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "A room needs at least one owner");
        }
        RoomConfig.Builder b = RoomConfig.adHoc().toBuilder();
        b.name = spec.title();
        b.description = spec.description();
        b.persistent = true;
        b.membersOnly = spec.membersOnly();
        b.publicRoom = spec.publicRoom();
        StoredRoom room = new StoredRoom(name, b.build(), null, null, affs, clock.instant());
        return blocking.supply(() -> {
            List<StoredRoom> all = store.loadAll();
            if (all.stream().anyMatch(r -> r.name().equals(name))) {
                throw new RoomAdminException(RoomAdminException.Reason.EXISTS, "Room " + name + " already exists");
            }
            if (all.size() >= settings.maxPersistentRooms()) {
                throw new RoomAdminException(RoomAdminException.Reason.LIMIT_REACHED,
                        "This service has reached its limit of " + settings.maxPersistentRooms() + " persistent rooms");
            }
            store.save(room);
            return info(room);
        });
    }

    @Override
    public CompletableFuture<Boolean> destroy(String name, String reason) {
        return blocking.supply(() -> store.delete(localpart(name)));
    }

    @Override
    public CompletableFuture<RoomInfo> setAffiliation(String name, String jid, Affiliation affiliation) {
        String user = MemberJids.parse(jid, serverDomain).toString();
        return blocking.supply(() -> {
            StoredRoom room = store.load(localpart(name)).orElseThrow(
                    () -> new RoomAdminException(RoomAdminException.Reason.NOT_FOUND, "No room " + name));
            Map<String, Affiliation> affs = new HashMap<>(room.affiliations());
            if (affiliation == Affiliation.NONE) {
                affs.remove(user);
            } else {
                affs.put(user, affiliation);
            }
            if (!affs.containsValue(Affiliation.OWNER)) {
                throw new RoomAdminException(RoomAdminException.Reason.INVALID, "A room must keep at least one owner");
            }
            // A registered nickname belongs to a member, admin or owner (XEP-0045 §7.10).
            Map<String, String> nicks = new HashMap<>(room.nicks());
            if (!affiliation.atLeast(Affiliation.MEMBER)) {
                nicks.remove(user);
            }
            StoredRoom changed = new StoredRoom(room.name(), room.config(), room.subject(), room.subjectNick(), affs,
                    nicks, room.createdAt());
            store.save(changed);
            return info(changed);
        });
    }

    private RoomInfo info(StoredRoom room) {
        return new RoomInfo(room.name(), room.name() + "@" + serviceDomain, room.config(), List.of(), room.subject(),
                room.affiliations());
    }

    private static String localpart(String name) {
        try {
            return Localpart.from(name == null ? "" : name.trim()).toString();
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new RoomAdminException(RoomAdminException.Reason.INVALID, "Not a valid room name: " + name);
        }
    }
}
