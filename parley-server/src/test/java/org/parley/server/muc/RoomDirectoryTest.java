package org.parley.server.muc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.server.muc.MucClient.SERVICE;
import static org.parley.server.muc.MucClient.error;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;

/**
 * Room discovery (XEP-0045 §6.3): disco#items of the service pages with RSM (XEP-0059) through a
 * full service of 16,500 rooms, and the {@code x-roomsearch:} node filters it by a substring.
 */
class RoomDirectoryTest {

    private CoreHarness harness;
    private MucClient alice;

    @AfterEach
    void stop() {
        harness.close();
    }

    private MucModule start(String... overrides) {
        MucModule muc = new MucModule();
        harness = CoreHarness.start(List.of(overrides), muc);
        harness.createUser("alice");
        alice = new MucClient(harness.connect("alice", "r"));
        return muc;
    }

    /** Adds a configured, public room straight to the service, as a restart loads persistent rooms. */
    private static void addRoom(MucModule muc, String name, String title, String description, boolean listed) {
        RoomConfig.Builder b = RoomConfig.adHoc().toBuilder();
        b.name = title;
        b.description = description;
        b.publicRoom = listed;
        Room room = muc.service().newRoom(name, b.build(), Map.of(JidCreate.bareFromOrThrowUnchecked("owner@localhost"),
                Affiliation.OWNER), Instant.now());
        assertThat(muc.service().register(room)).isTrue();
    }

    private Element items(String node, String set) {
        String query = "<query xmlns='" + Namespaces.DISCO_ITEMS + "'" + (node == null ? "" : " node='" + node + "'") + ">"
                + (set == null ? "" : "<set xmlns='" + MucNamespaces.RSM + "'>" + set + "</set>") + "</query>";
        Stanza result = MucClient.expectResult(alice.iq("get", SERVICE, query));
        return result.element().elements().get(0);
    }

    private static List<String> jids(Element query) {
        return query.children("item", Namespaces.DISCO_ITEMS).stream().map(i -> i.attribute("jid")).toList();
    }

    private static String rsm(Element query, String name) {
        return query.child("set", MucNamespaces.RSM).map(s -> s.childText(name, MucNamespaces.RSM)).orElse(null);
    }

    @Test
    void sixteenThousandFiveHundredRoomsPageThroughRsm() {
        MucModule muc = start();
        for (int i = 0; i < 16_500; i++) {
            addRoom(muc, String.format("room%05d", i), "", "", true);
        }
        // Without RSM the service answers a first page and says how many there are.
        Element first = items(null, null);
        assertThat(jids(first)).hasSize(ServiceIq.MAX_PAGE).startsWith("room00000@" + SERVICE);
        assertThat(rsm(first, "count")).isEqualTo("16500");

        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String after = null;
        int pages = 0;
        while (true) {
            Element page = items(null, "<max>400</max>" + (after == null ? "" : "<after>" + after + "</after>"));
            List<String> jids = jids(page);
            if (jids.isEmpty()) {
                assertThat(rsm(page, "count")).isEqualTo("16500");
                break;
            }
            pages++;
            assertThat(jids.size()).isLessThanOrEqualTo(400);
            assertThat(rsm(page, "first")).isEqualTo(jids.get(0));
            assertThat(page.child("set", MucNamespaces.RSM).orElseThrow().child("first", MucNamespaces.RSM)
                    .orElseThrow().attribute("index")).isEqualTo(Integer.toString(order.size()));
            after = rsm(page, "last");
            seen.addAll(jids);
            order.addAll(jids);
        }
        assertThat(pages).isEqualTo(42);
        assertThat(seen).hasSize(16_500);
        assertThat(order).isSorted();

        // The last page (empty before), a page by index, and a page before an id.
        assertThat(jids(items(null, "<max>3</max><before/>"))).containsExactly(
                "room16497@" + SERVICE, "room16498@" + SERVICE, "room16499@" + SERVICE);
        assertThat(jids(items(null, "<max>2</max><index>10</index>")))
                .containsExactly("room00010@" + SERVICE, "room00011@" + SERVICE);
        assertThat(jids(items(null, "<max>2</max><before>room00010@" + SERVICE + "</before>")))
                .containsExactly("room00008@" + SERVICE, "room00009@" + SERVICE);
        // max 0: only the count.
        Element count = items(null, "<max>0</max>");
        assertThat(jids(count)).isEmpty();
        assertThat(rsm(count, "count")).isEqualTo("16500");
        // Asking for more than the service sends in one answer gets the service's page.
        assertThat(jids(items(null, "<max>100000</max>"))).hasSize(ServiceIq.MAX_PAGE);
    }

    @Test
    void theSearchNodeFiltersByNameDescriptionOrAddressAndHidesHiddenRooms() {
        MucModule muc = start();
        addRoom(muc, "ops", "Operations", "Deployments and incidents", true);
        addRoom(muc, "roadmap", "Product roadmap", "Quarterly planning", true);
        addRoom(muc, "secret", "Roadmap drafts", "Hidden planning", false);
        addRoom(muc, "social", "Coffee", "Anything but work", true);

        Element all = items(null, null);
        assertThat(jids(all)).containsExactly("ops@" + SERVICE, "roadmap@" + SERVICE, "social@" + SERVICE);
        assertThat(all.child("set", MucNamespaces.RSM)).isEmpty(); // everything fitted: no RSM needed
        assertThat(all.children("item", Namespaces.DISCO_ITEMS).get(0).attribute("name")).isEqualTo("Operations");

        Element planning = items("x-roomsearch:PLANNING", null);
        assertThat(planning.attribute("node")).isEqualTo("x-roomsearch:PLANNING");
        assertThat(jids(planning)).containsExactly("roadmap@" + SERVICE);
        assertThat(jids(items("x-roomsearch:ops@", null))).containsExactly("ops@" + SERVICE);
        assertThat(jids(items("x-roomsearch:o", "<max>1</max>"))).containsExactly("ops@" + SERVICE);
        assertThat(jids(items("x-roomsearch:nothing like it", null))).isEmpty();

        Stanza unknown = alice.iq("get", SERVICE, "<query xmlns='" + Namespaces.DISCO_ITEMS + "' node='elsewhere'/>");
        assertThat(error(unknown)).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
        Stanza badMax = alice.iq("get", SERVICE, "<query xmlns='" + Namespaces.DISCO_ITEMS + "'><set xmlns='"
                + MucNamespaces.RSM + "'><max>many</max></set></query>");
        assertThat(error(badMax)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
    }

    @Test
    void aNewRoomIsListedOnceConfiguredAndShowsItsOccupants() {
        start();
        alice.join("fresh", "Alice");
        // Locked until configured (XEP-0045 §10.1.1): not listed yet.
        assertThat(jids(items(null, null))).isEmpty();
        MucClient.expectResult(alice.configure("fresh", "muc#roomconfig_roomdesc", "Just made"));
        assertThat(jids(items("x-roomsearch:just", null))).containsExactly("fresh@" + SERVICE);
        Stanza found = MucClient.expectResult(alice.iq("set", SERVICE, "<query xmlns='" + MucNamespaces.SEARCH + "'>"
                + "<x xmlns='jabber:x:data' type='submit'><field var='search'><value>made</value></field></x></query>"));
        assertThat(found.toXml()).contains("fresh@" + SERVICE, "Just made", "<value>1</value>");
    }
}
