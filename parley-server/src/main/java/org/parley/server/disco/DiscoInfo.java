package org.parley.server.disco;

import java.util.Collection;
import java.util.TreeSet;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/** Builds disco#info and disco#items query results (XEP-0030 §3.1, §4.1). */
final class DiscoInfo {

    private DiscoInfo() {
    }

    /** {@code <query xmlns=disco#info>} with one identity and the features, sorted so replies are stable. */
    static Element info(String category, String type, String name, Collection<String> features) {
        Element.Builder query = Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO)
                        .attribute("category", category)
                        .attribute("type", type)
                        .attribute("name", name)
                        .build());
        for (String var : new TreeSet<>(features)) {
            query.child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", var).build());
        }
        return query.build();
    }

    /** {@code <query xmlns=disco#items>} listing the given JIDs. */
    static Element items(Collection<String> jids) {
        Element.Builder query = Element.builder("query", Namespaces.DISCO_ITEMS);
        for (String jid : new TreeSet<>(jids)) {
            query.child(Element.builder("item", Namespaces.DISCO_ITEMS).attribute("jid", jid).build());
        }
        return query.build();
    }
}
