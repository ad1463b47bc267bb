package org.parley.server.disco;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.server.core.DiscoNode;
import org.parley.server.core.Features;
import org.parley.server.core.HandlerRegistry;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** Answers disco#info and disco#items sent to the server's domain. */
final class ServerDisco {

    static final String NAME = "Parley";

    private final Features features;
    private final HandlerRegistry handlers;

    ServerDisco(Features features, HandlerRegistry handlers) {
        this.features = features;
        this.handlers = handlers;
    }

    CompletionStage<Stanza> info(Stanza iq) {
        DiscoNode node = publishedNode(iq);
        if (node != null) {
            return CompletableFuture.completedFuture(Stanzas.result(iq, node.info(iq.from())));
        }
        checkedQuery(iq);
        return CompletableFuture.completedFuture(Stanzas.result(iq,
                DiscoInfo.info("server", "im", NAME, features.serverFeatures())));
    }

    /**
     * The server's items are its components (chat rooms, contact search, later gateways): in each
     * served domain those at its own subdomains ({@code conference.<domain>}, {@code search.<domain>}).
     */
    CompletionStage<Stanza> items(Stanza iq) {
        DiscoNode node = publishedNode(iq);
        if (node != null) {
            return CompletableFuture.completedFuture(Stanzas.result(iq, node.items(iq.from())));
        }
        checkedQuery(iq);
        String suffix = "." + (iq.to() != null ? iq.to() : iq.from()).asDomainBareJid();
        List<String> own = handlers.components().keySet().stream()
                .filter(c -> c.endsWith(suffix) && c.length() > suffix.length()
                        && c.substring(0, c.length() - suffix.length()).indexOf('.') < 0)
                .sorted().toList();
        return CompletableFuture.completedFuture(Stanzas.result(iq, DiscoInfo.items(own)));
    }

    /** The node another module published that this get names, or null (then {@link #checkedQuery} decides). */
    private DiscoNode publishedNode(Stanza iq) {
        Element query = iq.element().elements().isEmpty() ? null : iq.element().elements().get(0);
        String node = query == null || !"get".equals(iq.type()) ? null : query.attribute("node");
        return node == null ? null : features.serverNode(node);
    }

    /** Only a get is meaningful, and the server publishes no nodes (XEP-0030 §7: unknown node → item-not-found). */
    static Element checkedQuery(Stanza iq) {
        if (!"get".equals(iq.type())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "disco queries are iq get");
        }
        Element query = iq.element().elements().get(0);
        if (!"query".equals(query.name())) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "expected <query/>");
        }
        if (query.attribute("node") != null) {
            throw new StanzaErrorException(StanzaErrorCondition.ITEM_NOT_FOUND, "no such node");
        }
        return query;
    }
}
