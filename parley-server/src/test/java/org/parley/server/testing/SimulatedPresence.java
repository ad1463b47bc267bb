package org.parley.server.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.server.core.event.InitialPresence;
import org.parley.xml.Stanza;

/**
 * Stands in for the presence module in tests of modules that only need a resource's routing
 * state: sets the resource's presence on its hub executor, as the presence module does, and
 * publishes {@link InitialPresence} for its first available presence.
 */
public final class SimulatedPresence {

    private SimulatedPresence() {
    }

    public static void available(CoreHarness harness, TestSession session, int priority) {
        Stanza presence = TestXml.stanza("<presence from='" + session.jid() + "'><priority>" + priority
                + "</priority></presence>");
        onHub(harness, session, (hub, resource) -> {
            boolean initial = !resource.isAvailable();
            resource.setPresence(presence);
            if (initial) {
                harness.core().events().publish(new InitialPresence(hub, resource));
            }
        });
    }

    public static void unavailable(CoreHarness harness, TestSession session) {
        onHub(harness, session, (hub, resource) -> resource.setPresence(null));
    }

    private static void onHub(CoreHarness harness, TestSession session, java.util.function.BiConsumer<UserHub, Resource> work) {
        UserHub hub = harness.core().hubs().hub(session.jid().asEntityBareJid());
        CompletableFuture<Void> done = new CompletableFuture<>();
        hub.executor().execute(() -> {
            work.accept(hub, hub.resource(session.jid().getResourcepart()));
            done.complete(null);
        });
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
