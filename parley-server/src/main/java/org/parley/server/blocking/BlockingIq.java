package org.parley.server.blocking;

import org.parley.server.account.AccountNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.parley.server.core.AttachmentKey;
import org.parley.server.core.Resource;
import org.parley.server.core.Router;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.core.UserHub;
import org.parley.server.core.UserHubs;
import org.parley.server.storage.BlockingPool;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * The urn:xmpp:blocking iq protocol (XEP-0191 §3): get the list, block, unblock, unblock all.
 * A change is committed to the store, then mirrored in {@link BlockLists}, then pushed to the
 * user's resources that asked for the list. Changes for one user are serialised (striped
 * locks on the blocking pool) so the mirror always equals the committed table.
 */
final class BlockingIq {

    /** Set on a resource that fetched the block list: it gets pushes (§3.3). */
    private static final AttachmentKey<Boolean> WANTS_PUSHES = new AttachmentKey<>("blocklist-pushes");

    private final BlockStore store;
    private final BlockLists lists;
    private final BlockingPool blocking;
    private final UserHubs hubs;
    private final Router router;
    private final Object[] stripes = new Object[64];
    private final AtomicLong pushIds = new AtomicLong();

    private final AccountNames names;

    BlockingIq(BlockStore store, BlockLists lists, BlockingPool blocking, UserHubs hubs, Router router,
               AccountNames names) {
        this.names = names;
        this.store = store;
        this.lists = lists;
        this.blocking = blocking;
        this.hubs = hubs;
        this.router = router;
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    CompletionStage<Stanza> handle(Stanza iq) {
        Jid from = iq.from();
        if (iq.to() != null && !iq.to().asBareJid().equals(from.asBareJid())) {
            throw new StanzaErrorException(StanzaErrorCondition.FORBIDDEN, "Only the account owner manages its block list");
        }
        EntityBareJid user = from.asEntityBareJidIfPossible();
        Element request = iq.element().elements().get(0);
        String op = request.name();
        if ("get".equals(iq.type()) && op.equals("blocklist")) {
            return list(iq, user);
        }
        if ("set".equals(iq.type()) && (op.equals("block") || op.equals("unblock"))) {
            List<String> jids = items(request);
            if (op.equals("block") && jids.isEmpty()) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "<block/> needs at least one <item/>");
            }
            return change(iq, user, op.equals("block"), jids);
        }
        throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Unexpected " + iq.type() + " of <" + op + "/>");
    }

    private CompletionStage<Stanza> list(Stanza iq, EntityBareJid user) {
        Element.Builder result = Element.builder("blocklist", Namespaces.BLOCKING);
        for (String jid : lists.of(names.of(user))) {
            result.child(item(jid));
        }
        Stanza reply = Stanzas.result(iq, result.build());
        UserHub hub = hubs.hub(user);
        if (hub == null || !iq.from().hasResource()) {
            return CompletableFuture.completedFuture(reply);
        }
        CompletableFuture<Stanza> done = new CompletableFuture<>();
        hub.executor().execute(() -> {
            Resource r = hub.resource(iq.from().getResourceOrNull());
            if (r != null) {
                r.attach(WANTS_PUSHES, Boolean.TRUE);
            }
            done.complete(reply);
        });
        return done;
    }

    private CompletionStage<Stanza> change(Stanza iq, EntityBareJid user, boolean block, List<String> jids) {
        String username = names.of(user);
        return blocking.supply(() -> {
            synchronized (stripes[Math.floorMod(username.hashCode(), stripes.length)]) {
                Set<String> current = new LinkedHashSet<>(lists.of(username));
                if (block) {
                    store.add(username, jids);
                    current.addAll(jids);
                } else if (jids.isEmpty()) {
                    store.clear(username);
                    current.clear();
                } else {
                    store.remove(username, jids);
                    current.removeAll(jids);
                }
                lists.set(username, current);
            }
            return Stanzas.result(iq);
        }).thenCompose(reply -> afterChange(user, block, jids).thenApply(x -> reply));
    }

    /** Pushes the change and, for a block, tells the blocked contacts the user went away (§3.3). */
    private CompletionStage<Void> afterChange(EntityBareJid user, boolean block, List<String> jids) {
        UserHub hub = hubs.hub(user);
        if (hub == null) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        hub.executor().execute(() -> {
            Element.Builder push = Element.builder(block ? "block" : "unblock", Namespaces.BLOCKING);
            jids.forEach(j -> push.child(item(j)));
            Element payload = push.build();
            for (Resource r : hub.resources()) {
                if (Boolean.TRUE.equals(r.attachment(WANTS_PUSHES))) {
                    r.session().deliver(Stanza.of(Element.builder("iq", Namespaces.CLIENT)
                            .attribute("type", "set")
                            .attribute("id", "blockpush-" + pushIds.incrementAndGet())
                            .attribute("to", r.session().jid().toString())
                            .child(payload).build()));
                }
                if (block && r.isAvailable()) {
                    sendUnavailable(r, jids);
                }
            }
            done.complete(null);
        });
        return done;
    }

    private void sendUnavailable(Resource r, List<String> jids) {
        for (String jid : jids) {
            Jid contact = parse(jid);
            if (contact.hasLocalpart()) {
                router.route(Stanza.of(Element.builder("presence", Namespaces.CLIENT)
                        .attribute("type", "unavailable")
                        .attribute("from", r.session().jid().toString())
                        .attribute("to", jid).build()));
            }
        }
    }

    private static List<String> items(Element request) {
        List<String> out = new ArrayList<>();
        for (Element item : request.children("item", Namespaces.BLOCKING)) {
            String jid = item.attribute("jid");
            if (jid == null) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "<item/> needs a 'jid'");
            }
            out.add(parse(jid).toString());
        }
        return out;
    }

    private static Jid parse(String jid) {
        try {
            return JidCreate.from(jid);
        } catch (XmppStringprepException | IllegalArgumentException e) {
            throw new StanzaErrorException(StanzaErrorCondition.JID_MALFORMED, "Not a valid JID: " + jid);
        }
    }

    private static Element item(String jid) {
        return Element.builder("item", Namespaces.BLOCKING).attribute("jid", jid).build();
    }
}
