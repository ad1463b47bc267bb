package org.parley.server.presence;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jxmpp.jid.EntityBareJid;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.Target;
import org.parley.server.core.UserHub;
import org.parley.server.core.event.SessionUnbound;
import org.parley.server.roster.RosterChanged;
import org.parley.server.roster.RosterModule;
import org.parley.server.roster.RosterService;
import org.parley.xml.StanzaKind;

/**
 * Presence (RFC 6121 §3, §4): subscriptions with the full state machine and pre-approval,
 * broadcast through the presence composer, probes, directed presence, unavailable on disconnect.
 *
 * <p>{@code presence.sharing: false} turns availability sharing off server-wide: nobody learns
 * another user's availability (no broadcast, no probe answers, no presence on a new
 * subscription), while subscriptions, rosters, explicitly directed presence and presence among a
 * user's own resources keep working.
 *
 * <p>For rich presence (issue 5): {@link #addSource} registers another input to the composer and
 * {@link #recompose} tells the composer that a source's state changed.
 */
public final class PresenceModule implements Module {

    private final RosterModule rosterModule;
    private final PresenceSources sources = new PresenceSources();
    private volatile PresenceBroadcaster broadcaster;
    private volatile ModuleContext context;
    private volatile RosterService rosters;

    /** Needs the roster module, which must be started first (presence reads its cached rosters). */
    public PresenceModule(RosterModule rosterModule) {
        this.rosterModule = rosterModule;
        sources.add(new DeviceSource());
    }

    @Override
    public void start(ModuleContext ctx) {
        RosterService rosterService = rosterModule.service();
        PresenceDelivery delivery = new PresenceDelivery(ctx.domains(), ctx.hubs(), ctx.router());
        PresenceBroadcaster presence = new PresenceBroadcaster(ctx.hubs(), rosterService, delivery, sources,
                ctx.events(), ctx.config().presence().sharing());
        SubscriptionHandler subscriptions = new SubscriptionHandler(rosterService, ctx.accounts(), delivery);
        ProbeHandler probes = new ProbeHandler(ctx.hubs(), rosterService, presence, subscriptions, delivery);
        InboundPresenceHandler inbound = new InboundPresenceHandler(ctx.hubs(), subscriptions, probes, delivery);

        ctx.handlers().stanza(StanzaKind.PRESENCE, Target.SELF, presence::fromClient);
        ctx.handlers().stanza(StanzaKind.PRESENCE, Target.LOCAL_BARE, stanza -> {
            // Presence to one's own bare JID is the user's own broadcast (RFC 6121 §4.2.1 names no 'to').
            if (stanza.from() != null && stanza.to().equals(stanza.from().asBareJid())
                    && (stanza.type() == null || "unavailable".equals(stanza.type()))) {
                presence.fromClient(stanza.withTo(null));
            } else {
                inbound.handle(stanza);
            }
        });
        ctx.handlers().stanza(StanzaKind.PRESENCE, Target.LOCAL_FULL, inbound);
        ctx.events().subscribe(SessionUnbound.class, e -> presence.sessionEnded(e.hub(), e.resource()));
        ctx.events().subscribe(RosterChanged.class, e -> presence.subscriptionChanged(e.hub(), e.change()));
        this.rosters = rosterService;
        this.context = ctx;
        this.broadcaster = presence;
    }

    /** Adds an input to every user's composer (sorted by {@link PresenceSource#precedence()}). */
    public void addSource(PresenceSource source) {
        sources.add(source);
    }

    /**
     * A source's state changed for {@code user}: recompose, and send subscribers whatever they
     * now see differently. Any thread; does nothing for a user who is not online.
     */
    public void recompose(EntityBareJid user) {
        UserHub hub = context.hubs().hub(user);
        if (hub != null) {
            hub.executor().execute(() -> rosters.withRoster(hub, roster -> broadcaster.broadcastChanges(hub, roster)));
        }
    }

    /** The user's composed availability as subscribers see it; empty when not online or not available. */
    public CompletableFuture<Optional<Availability>> composed(EntityBareJid user) {
        UserHub hub = context.hubs().hub(user);
        if (hub == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        CompletableFuture<Optional<Availability>> out = new CompletableFuture<>();
        hub.executor().execute(() -> out.complete(Optional.ofNullable(PresenceBroadcaster.composer(hub).composed())));
        return out;
    }
}
