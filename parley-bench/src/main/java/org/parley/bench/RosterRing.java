package org.parley.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * Gives every client K mutual ("both") contacts: its K/2 neighbours on each side of a ring of the
 * N accounts. Done in-band (subscribe / subscribed, RFC 6121 §3), so it works on any server;
 * rosters persist, so later runs find them complete and send nothing.
 */
final class RosterRing implements StanzaListener {

    private final List<XmppClient> clients;
    private final int half;
    private final Map<XmppClient, Integer> index = new ConcurrentHashMap<>();
    private final List<Set<String>> both = new ArrayList<>();
    private CountDownLatch rostersFetched;

    /** @param clients all N clients by account index; null where sign-in failed */
    RosterRing(List<XmppClient> clients, int contacts) {
        if (contacts % 2 != 0 || contacts >= clients.size()) {
            throw new IllegalArgumentException("--contacts must be even and below the client count");
        }
        this.clients = clients;
        this.half = contacts / 2;
        for (int i = 0; i < clients.size(); i++) {
            both.add(ConcurrentHashMap.newKeySet());
            if (clients.get(i) != null) {
                index.put(clients.get(i), i);
            }
        }
    }

    /** The indexes of client i's contacts. */
    List<Integer> contactsOf(int i) {
        int n = clients.size();
        List<Integer> out = new ArrayList<>(2 * half);
        for (int d = 1; d <= half; d++) {
            out.add((i + d) % n);
            out.add((i - d + n) % n);
        }
        return out;
    }

    /** Subscribes missing pairs at {@code pairsPerSecond}; returns the number of incomplete contacts left. */
    long establish(double pairsPerSecond, long timeoutMillis) throws InterruptedException {
        List<XmppClient> online = clients.stream().filter(c -> c != null).toList();
        rostersFetched = new CountDownLatch(online.size());
        online.forEach(c -> {
            c.listener(this);
            c.send("<iq type='get' id='ring-roster'><query xmlns='" + Namespaces.ROSTER + "'/></iq>");
        });
        rostersFetched.await(timeoutMillis, TimeUnit.MILLISECONDS);
        List<int[]> missing = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            for (int d = 1; d <= half; d++) {
                int j = (i + d) % clients.size();
                if (clients.get(i) != null && clients.get(j) != null && !both.get(i).contains(clients.get(j).bareJid())) {
                    missing.add(new int[] {i, j});
                }
            }
        }
        if (!missing.isEmpty()) {
            System.err.printf("presence: subscribing %d contact pairs%n", missing.size());
            Pacer.run(pairsPerSecond, missing.size(), java.time.Duration.ofMillis(timeoutMillis), (k, t) -> {
                int[] p = missing.get((int) k);
                // Both sides ask at once; each side approves what it receives, which ends in "both".
                clients.get(p[0]).send("<presence type='subscribe' to='" + clients.get(p[1]).bareJid() + "'/>");
                clients.get(p[1]).send("<presence type='subscribe' to='" + clients.get(p[0]).bareJid() + "'/>");
            });
        }
        long deadline = System.currentTimeMillis() + timeoutMillis;
        long left;
        while ((left = incomplete()) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        return left;
    }

    private long incomplete() {
        long left = 0;
        for (int i = 0; i < clients.size(); i++) {
            if (clients.get(i) == null) {
                continue;
            }
            for (int j : contactsOf(i)) {
                if (clients.get(j) != null && !both.get(i).contains(clients.get(j).bareJid())) {
                    left++;
                }
            }
        }
        return left;
    }

    @Override
    public void stanza(XmppClient client, Incoming in) {
        Integer i = index.get(client);
        if (i == null) {
            return;
        }
        Element stanza = in.element(); // set-up traffic only: a tree is affordable here
        if (stanza.name().equals("presence") && "subscribe".equals(stanza.attribute("type"))) {
            String from = stanza.attribute("from");
            client.send("<presence type='subscribed' to='" + bare(from) + "'/>");
        } else if (stanza.name().equals("iq")) {
            stanza.child("query", Namespaces.ROSTER).ifPresent(q -> {
                for (Element item : q.children("item", Namespaces.ROSTER)) {
                    if ("both".equals(item.attribute("subscription"))) {
                        both.get(i).add(item.attribute("jid"));
                    } else {
                        both.get(i).remove(item.attribute("jid"));
                    }
                }
            });
            if ("ring-roster".equals(stanza.attribute("id"))) {
                rostersFetched.countDown();
            }
        }
    }

    static String bare(String jid) {
        int slash = jid == null ? -1 : jid.indexOf('/');
        return slash < 0 ? jid : jid.substring(0, slash);
    }
}
