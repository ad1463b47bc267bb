package org.parley.server.core;

import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The disco#info features (XEP-0030) modules announce: the server's own, and those every account
 * (bare JID) supports. Modules add theirs in start(); the disco module answers from here.
 */
public final class Features {

    private final SortedSet<String> server = new ConcurrentSkipListSet<>();
    private final SortedSet<String> account = new ConcurrentSkipListSet<>();

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
}
