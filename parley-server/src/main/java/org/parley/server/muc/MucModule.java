package org.parley.server.muc;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.config.ConfigException;
import org.parley.server.config.ParleyConfig;
import org.parley.server.core.Domains;
import org.parley.server.core.Interceptor;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Target;
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
 * Chat rooms (XEP-0045) at {@code <muc.subdomain>.<domain>} for every served domain: ad hoc and
 * persistent rooms, invitations (mediated and XEP-0249 direct), room search, history and a MAM
 * archive, within the seed's limits (per service). Registers one service per domain, also for
 * domains served later (and drops the service of a domain no longer served), the
 * direct-invitation interceptor and the listeners that take a closed session out of its rooms;
 * loads each service's persistent rooms with their recent history. {@link #administration()} is
 * the default domain's room service behind the admin API.
 */
public final class MucModule implements Module {

    private final Map<DomainBareJid, MucService> services = new ConcurrentHashMap<>();
    private final Map<DomainBareJid, DirectInvitations> invitations = new ConcurrentHashMap<>();
    private volatile MucService service;
    private volatile RoomAdministration administration;

    @Override
    public void start(ModuleContext ctx) {
        ParleyConfig.Muc settings = ctx.config().muc();
        if (!settings.enabled()) {
            return;
        }
        ctx.handlers().interceptor(new Interceptor() {
            @Override
            public Decision onSent(Stanza stanza, Target target) {
                invitations.values().forEach(i -> i.onSent(stanza, target));
                return Decision.CONTINUE;
            }
        });
        ctx.events().subscribe(SessionUnbound.class,
                e -> services.values().forEach(s -> s.sessionEnded(e.resource().session().jid())));
        ctx.events().subscribe(ComposedPresenceChanged.class,
                e -> services.values().forEach(s -> s.composedPresences().changed(e)));
        ctx.domains().subscribe(new Domains.Listener() {
            @Override
            public void added(DomainBareJid domain) {
                serve(ctx, domain);
            }

            @Override
            public void removed(DomainBareJid domain) {
                MucService gone = services.remove(domain);
                invitations.remove(domain);
                if (gone != null) {
                    ctx.handlers().removeComponent(gone.domain());
                }
            }
        });
        for (Domains.Entry e : ctx.domains().all()) {
            serve(ctx, e.domain());
        }
        this.service = services.get(ctx.domain());
        this.administration = new LiveRoomAdministration(service, ctx.domain());
    }

    /** Starts the chat-room service of {@code domain} (once). */
    private void serve(ModuleContext ctx, DomainBareJid domain) {
        ParleyConfig.Muc settings = ctx.config().muc();
        DomainBareJid host = serviceDomain(settings, domain);
        ModerationPolicy moderation = new ModerationPolicy();
        ArchivePolicy archive = new ArchivePolicy();
        InvitationPolicy invitationPolicy = new InvitationPolicy();
        RoomHandlers handlers = new RoomHandlers(new RoomPresenceHandler(),
                new RoomMessageHandler(moderation, archive, new Invitations(invitationPolicy)),
                new RoomIqHandler(new RoomDisco(archive), new AdminIq(moderation), new OwnerIq(), new ArchiveIq(archive)));
        ServiceRooms rooms = new ServiceRooms(new JdbcRoomStore(ctx.jdbc()), new JdbcRoomArchive(ctx.jdbc()), host,
                !domain.equals(ctx.domain()));
        RoomPersistence persistence = new RoomPersistence(rooms, rooms, ctx.blocking());
        MucService muc = new MucService(host, settings, ctx.router(), ctx.clock(), ctx.actors(), persistence, handlers,
                new CreatorPolicy(settings.persistentRoomCreators(), settings.creators(), ctx.domain()));
        synchronized (services) {
            if (services.containsKey(domain)) {
                return;
            }
            loadPersistentRooms(muc, persistence, settings);
            ctx.handlers().component(muc);
            services.put(domain, muc);
            invitations.put(domain, new DirectInvitations(muc, invitationPolicy));
        }
    }

    /**
     * Loads every persistent room with its last messages as history, so rooms, members and history
     * survive a restart. Runs once per service, before the component receives anything.
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

    /** The chat-room service of the default domain. */
    public static DomainBareJid serviceDomain(ParleyConfig config) {
        return serviceDomain(config.muc(), JidCreate.domainBareFromOrThrowUnchecked(config.domain()));
    }

    /** The chat-room service of {@code domain}: {@code <muc.subdomain>.<domain>}. */
    public static DomainBareJid serviceDomain(ParleyConfig.Muc settings, DomainBareJid domain) {
        try {
            return JidCreate.domainBareFrom(settings.subdomain() + "." + domain);
        } catch (XmppStringprepException e) {
            throw new ConfigException("muc.subdomain does not make a valid domain: " + settings.subdomain());
        }
    }

    /**
     * The default domain's persistent rooms in the database, as the CLI manages them with no
     * server running (the rooms of other domains' services share the tables, see {@link ServiceRooms}).
     */
    public static org.parley.server.muc.store.RoomStore defaultServiceRooms(org.parley.server.storage.Jdbc jdbc,
                                                                            ParleyConfig config) {
        return new ServiceRooms(new JdbcRoomStore(jdbc), new JdbcRoomArchive(jdbc), serviceDomain(config), false);
    }

    /** The room administration of this running service; null before start or when muc is disabled. */
    public RoomAdministration administration() {
        return administration;
    }

    MucService service() {
        return service;
    }

    /** The chat-room service of a served domain, or null. */
    MucService service(DomainBareJid domain) {
        return services.get(domain);
    }
}
