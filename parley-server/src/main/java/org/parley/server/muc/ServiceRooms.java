package org.parley.server.muc;

import java.util.List;
import java.util.Optional;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.muc.store.ArchivePage;
import org.parley.server.muc.store.ArchiveQuery;
import org.parley.server.muc.store.ArchivedMessage;
import org.parley.server.muc.store.RoomArchive;
import org.parley.server.muc.store.RoomStore;
import org.parley.server.muc.store.StoredRoom;

/**
 * One chat-room service's share of the room tables, which several services (one per served
 * domain) use together. The default domain's service keys its rooms by localpart, as before there
 * were several; any other service by the room's bare JID ({@code team@conference.corp.example}).
 * '@' cannot occur in a localpart, so the two never collide and each service loads only its own.
 */
final class ServiceRooms implements RoomStore, RoomArchive {

    private final RoomStore store;
    private final RoomArchive archive;
    private final String suffix; // "@<service domain>", or null for the default domain's service

    /** @param qualified false for the default domain's service */
    ServiceRooms(RoomStore store, RoomArchive archive, DomainBareJid service, boolean qualified) {
        this.store = store;
        this.archive = archive;
        this.suffix = qualified ? "@" + service : null;
    }

    private String key(String room) {
        return suffix == null ? room : room + suffix;
    }

    /** The room's localpart when {@code key} is one of this service's keys, else null. */
    private String local(String key) {
        if (suffix == null) {
            return key.indexOf('@') < 0 ? key : null;
        }
        return key.endsWith(suffix) ? key.substring(0, key.length() - suffix.length()) : null;
    }

    @Override
    public List<StoredRoom> loadAll() {
        return store.loadAll().stream().filter(r -> local(r.name()) != null).map(this::unqualified).toList();
    }

    @Override
    public Optional<StoredRoom> load(String name) {
        return store.load(key(name)).map(this::unqualified);
    }

    @Override
    public void save(StoredRoom room) {
        store.save(new StoredRoom(key(room.name()), room.config(), room.subject(), room.subjectNick(),
                room.affiliations(), room.nicks(), room.createdAt()));
    }

    @Override
    public boolean delete(String name) {
        return store.delete(key(name));
    }

    @Override
    public void append(ArchivedMessage m) {
        archive.append(new ArchivedMessage(m.id(), key(m.room()), m.sentAt(), m.nick(), m.senderJid(), m.body(),
                m.stanza()));
    }

    @Override
    public List<ArchivedMessage> latest(String room, int count) {
        return archive.latest(key(room), count).stream().map(this::unqualified).toList();
    }

    @Override
    public ArchivePage query(ArchiveQuery q) {
        ArchivePage page = archive.query(new ArchiveQuery(key(q.room()), q.start(), q.end(), q.nick(), q.senderJid(),
                q.text(), q.after(), q.before(), q.lastPage(), q.max()));
        return new ArchivePage(page.messages().stream().map(this::unqualified).toList(), page.complete(), page.count());
    }

    private StoredRoom unqualified(StoredRoom r) {
        return new StoredRoom(local(r.name()), r.config(), r.subject(), r.subjectNick(), r.affiliations(), r.nicks(),
                r.createdAt());
    }

    private ArchivedMessage unqualified(ArchivedMessage m) {
        String room = local(m.room());
        return new ArchivedMessage(m.id(), room != null ? room : m.room(), m.sentAt(), m.nick(), m.senderJid(),
                m.body(), m.stanza());
    }
}
