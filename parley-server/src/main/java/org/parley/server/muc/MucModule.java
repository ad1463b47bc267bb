package org.parley.server.muc;

import java.util.HashMap;
import java.util.Map;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.event.SessionUnbound;
import org.parley.server.muc.admin.RoomAdministration;
import org.parley.server.muc.store.ArchivedMessage;
import org.parley.server.muc.store.JdbcRoomArchive;
import org.parley.server.muc.store.JdbcRoomStore;
import org.parley.server.muc.store.StoredRoom;
import org.parley.server.presence.ComposedPresenceChanged;
import org.parley.server.roster.StoredStanza;
import org.parley.xml.Stanza;

/**
 * Chat rooms (XEP-0045) at {@code <muc.subdomain>.<domain>}: ad hoc and persistent rooms,
 * invitations (mediated and XEP-0249 direct), room search, history and a MAM archive, within the
 * seed's limits. Registers the component, the direct-invitation interceptor and the listener that
 * takes a closed session out of its rooms; loads the persistent rooms with their recent history.
 * {@link #administration()} is the room service behind the admin API.
 */
public final class MucModule implements Module {

    private volatile MucService service;
    private volatile RoomAdministration administration;

    @Override
    public void start(ModuleContext ctx) {
        ParleyConfig.Muc settings = ctx.config().muc();
        if (!settings.enabled()) {
            return;
        }
        DomainBareJid domain = serviceDomain(ctx.config());
        ModerationPolicy moderation = new ModerationPolicy();
        ArchivePolicy archive = new ArchivePolicy();
        InvitationPolicy invitations = new InvitationPolicy();
        RoomHandlers handlers = new RoomHandlers(new RoomPresenceHandler(),
                new RoomMessageHandler(moderation, archive, new Invitations(invitations)),
                new RoomIqHandler(new RoomDisco(archive), new AdminIq(moderation), new OwnerIq(), new ArchiveIq(archive)));
        RoomPersistence persistence = new RoomPersistence(new JdbcRoomStore(ctx.jdbc()), new JdbcRoomArchive(ctx.jdbc()),
                ctx.blocking());
        MucService muc = new MucService(domain, settings, ctx.router(), ctx.clock(), ctx.actors(), persistence, handlers,
                new CreatorPolicy(settings.persistentRoomCreators(), settings.creators(), ctx.domain()));
        loadPersistentRooms(muc, persistence, settings);
        ctx.handlers().component(muc);
        ctx.handlers().interceptor(new DirectInvitations(muc, invitations));
        ctx.events().subscribe(SessionUnbound.class, e -> muc.sessionEnded(e.resource().session().jid()));
        ctx.events().subscribe(ComposedPresenceChanged.class, muc.composedPresences()::changed);
        this.service = muc;
        this.administration = new LiveRoomAdministration(muc, ctx.domain());
    }

    /**
     * Loads every persistent room with its last messages as history, so rooms, members and history
     * survive a restart. Runs once at start-up, before the component receives anything.
     */
    private static void loadPersistentRooms(MucService muc, RoomPersistence persistence, ParleyConfig.Muc settings) {
        for (StoredRoom stored : persistence.store().loadAll()) {
            Map<BareJid, Affiliation> affs = new HashMap<>();
            stored.affiliations().forEach((jid, a) -> {
                BareJid user = bareOrNull(jid);
                if (user != null) {
                    affs.put(user, a);
                }
            });
            Room room = muc.newRoom(stored.name(), stored.config(), affs, stored.createdAt());
            stored.nicks().forEach((jid, nick) -> {
                Resourcepart reserved = Resourcepart.fromOrNull(nick);
                BareJid user = bareOrNull(jid);
                if (reserved != null && user != null && room.affiliations.of(user).atLeast(Affiliation.MEMBER)) {
                    room.affiliations.reserve(user, reserved);
                }
            });
            room.subject = stored.subject();
            room.subjectNick = stored.subjectNick();
            for (ArchivedMessage m : persistence.archive().latest(stored.name(), settings.historyMessages())) {
                Stanza message = StoredStanza.decode(m.stanza());
                if (message != null) {
                    room.history.add(message, m.sentAt());
                }
            }
            muc.register(room);
            muc.reservePersistent();
        }
    }

    /** A stored JID, or null when it no longer validates (it cannot be anyone's, so it is skipped). */
    private static BareJid bareOrNull(String jid) {
        try {
            return JidCreate.bareFrom(jid);
        } catch (XmppStringprepException e) {
            return null;
        }
    }

    public static DomainBareJid serviceDomain(ParleyConfig config) {
        try {
            return JidCreate.domainBareFrom(config.muc().subdomain() + "." + config.domain());
        } catch (XmppStringprepException e) {
            throw new ConfigException("muc.subdomain does not make a valid domain: " + config.muc().subdomain());
        }
    }

    /** The room administration of this running service; null before start or when muc is disabled. */
    public RoomAdministration administration() {
        return administration;
    }

    MucService service() {
        return service;
    }
}
