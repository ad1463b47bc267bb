package org.parley.server.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.xml.Element;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The disco#info features (XEP-0030) modules announce: the server's own, and those every account
 * (bare JID) supports, plus stream features (RFC 6120 §4.3) offered to a signed-in client
 * (roster versioning, pre-approval). Modules add theirs in start(); disco and c2s read them here.
 */
public final class Features {

    private final SortedSet<String> server = new ConcurrentSkipListSet<>();
    private final SortedSet<String> account = new ConcurrentSkipListSet<>();
    private final List<Element> streamFeatures = new CopyOnWriteArrayList<>();
    private final java.util.Map<String, DiscoNode> serverNodes = new java.util.concurrent.ConcurrentHashMap<>();

    /** A feature element advertised in {@code <stream:features/>} after authentication. */
    public void addStreamFeature(Element feature) {
        streamFeatures.add(feature);
    }

    public List<Element> streamFeatures() {
        return List.copyOf(streamFeatures);
    }

    public void addServerFeature(String var) {
        server.add(var);
    }

    public void addAccountFeature(String var) {
        account.add(var);
    }

    public Set<String> serverFeatures() {
        return Set.copyOf(server);
    }

    public Set<String> accountFeatures() {
        return Set.copyOf(account);
    }

    /** A node disco queries to the domain may name (e.g. XEP-0050's command list). */
    public void addServerNode(String node, DiscoNode discoNode) {
        serverNodes.put(node, discoNode);
    }

    /** The published node, or null (disco answers item-not-found). */
    public DiscoNode serverNode(String node) {
        return serverNodes.get(node);
    }
}
