package org.parley.server.core;

import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.jxmpp.jid.DomainBareJid;
import org.parley.server.account.Accounts;
import org.parley.server.config.ParleyConfig;
import org.parley.server.storage.BlockingPool;
import org.parley.server.storage.Jdbc;

/**
 * What a module may use ({@code domain} is the default domain; {@code domains} every served one), handed to it by the composition root: no service locator, no statics.
 * {@code actors} is the shared pool that actors' {@link SerialExecutor}s run on (user hubs, chat rooms).
 */
public record ModuleContext(
        ParleyConfig config,
        DomainBareJid domain,
        Domains domains,
        Router router,
        HandlerRegistry handlers,
        Features features,
        EventBus events,
        UserHubs hubs,
        IqTracker iqTracker,
        Jdbc jdbc,
        BlockingPool blocking,
        ScheduledExecutorService scheduler,
        Clock clock,
        Accounts accounts,
        Executor actors) {
}
