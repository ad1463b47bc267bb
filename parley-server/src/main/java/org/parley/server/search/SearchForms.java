package org.parley.server.search;

import java.util.List;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * The XML of Jabber Search (XEP-0055): the search form (legacy fields plus an XEP-0004 data
 * form, §3), reading a submitted search in either shape, and results in the shape it was asked.
 */
final class SearchForms {

    static final String NAMESPACE = "jabber:iq:search";
    private static final String X = Namespaces.DATA_FORMS;

    private SearchForms() {
    }

    /** §3: the search form the service answers a get with. */
    static Element form(int maxResults) {
        String instructions = "Find colleagues by user ID, name, email or department (each matches any part). "
                + "At most " + maxResults + " results.";
        return Element.builder("query", NAMESPACE)
                .textChild("instructions", instructions)
                .child(Element.of("first", NAMESPACE))
                .child(Element.of("last", NAMESPACE))
                .child(Element.of("nick", NAMESPACE))
                .child(Element.of("email", NAMESPACE))
                .child(Element.builder("x", X).attribute("type", "form")
                        .child(Element.builder("title", X).text("Contact search").build())
                        .child(Element.builder("instructions", X).text(instructions).build())
                        .child(field("FORM_TYPE", "hidden", null, NAMESPACE))
                        .child(field("user", "text-single", "User ID", null))
                        .child(field("name", "text-single", "Name", null))
                        .child(field("email", "text-single", "Email", null))
                        .child(field("department", "text-single", "Department", null))
                        .build())
                .build();
    }

    /** Whether the request is a data form submission (else legacy fields). */
    static boolean isDataForm(Element query) {
        return query.child("x", X).isPresent();
    }

    /** Reads the criteria of an iq set in either shape. */
    static SearchCriteria criteria(Element query) {
        Element form = query.child("x", X).orElse(null);
        if (form != null) {
            return new SearchCriteria(value(form, "user"), value(form, "name"), value(form, "email"),
                    value(form, "department"));
        }
        String first = query.childText("first", NAMESPACE);
        String last = query.childText("last", NAMESPACE);
        String name = first == null ? last : last == null ? first : (first + " " + last).trim();
        return new SearchCriteria(query.childText("nick", NAMESPACE), name, query.childText("email", NAMESPACE), null);
    }

    /** §3 legacy results: one item per contact. */
    /** A user of another served domain is named by its bare JID already (see AccountNames). */
    private static String jid(Contact c, String domain) {
        return c.username().indexOf('@') < 0 ? c.username() + "@" + domain : c.username();
    }

    static Element legacyResult(List<Contact> contacts, String domain) {
        Element.Builder query = Element.builder("query", NAMESPACE);
        for (Contact c : contacts) {
            query.child(Element.builder("item", NAMESPACE).attribute("jid", jid(c, domain))
                    .textChild("first", c.displayName())
                    .textChild("nick", c.username())
                    .textChild("email", c.email())
                    .build());
        }
        return query.build();
    }

    /** §3 (data forms): a result form with reported fields and one item per contact. */
    static Element formResult(List<Contact> contacts, String domain) {
        Element.Builder x = Element.builder("x", X).attribute("type", "result")
                .child(field("FORM_TYPE", "hidden", null, NAMESPACE))
                .child(Element.builder("reported", X)
                        .child(field("jid", "jid-single", "JID", null))
                        .child(field("user", "text-single", "User ID", null))
                        .child(field("name", "text-single", "Name", null))
                        .child(field("email", "text-single", "Email", null))
                        .child(field("department", "text-single", "Department", null))
                        .build());
        for (Contact c : contacts) {
            x.child(Element.builder("item", X)
                    .child(field("jid", null, null, jid(c, domain)))
                    .child(field("user", null, null, c.username()))
                    .child(field("name", null, null, nonNull(c.displayName())))
                    .child(field("email", null, null, nonNull(c.email())))
                    .child(field("department", null, null, nonNull(c.department())))
                    .build());
        }
        return Element.builder("query", NAMESPACE).child(x.build()).build();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Element field(String var, String type, String label, String value) {
        Element.Builder f = Element.builder("field", X).attribute("var", var).attribute("type", type)
                .attribute("label", label);
        if (value != null) {
            f.child(Element.builder("value", X).text(value).build());
        }
        return f.build();
    }

    private static String value(Element form, String var) {
        for (Element f : form.children("field", X)) {
            if (var.equals(f.attribute("var"))) {
                return f.childText("value", X);
            }
        }
        return null;
    }
}
