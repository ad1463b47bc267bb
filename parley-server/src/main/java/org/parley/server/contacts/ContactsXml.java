package org.parley.server.contacts;

import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import org.jxmpp.jid.BareJid;
import org.parley.server.roster.RosterItem;
import org.parley.server.roster.StoredStanza;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Node;
import org.parley.xml.Text;

/**
 * Contact lists in XEP-0227 (Portable Import/Export Format, {@code urn:xmpp:pie:0}):
 * {@code <server-data><host jid><user name>} with the roster as a {@code jabber:iq:roster} query
 * (§4.3: name, subscription, ask, approved, groups) and each pending inbound subscription request
 * as a {@code <presence type='subscribe'/>} child of the user (§4.8). Only rosters are read; other
 * user data a file may carry (offline messages, vCards, …) is skipped.
 */
public final class ContactsXml {

    public static final String NAMESPACE = "urn:xmpp:pie:0";
    private static final String ROSTER = Namespaces.ROSTER;

    private ContactsXml() {
    }

    public static void write(String host, List<UserContacts> users, Writer out) throws XMLStreamException {
        XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("server-data");
        w.writeDefaultNamespace(NAMESPACE);
        w.writeCharacters("\n  ");
        w.writeStartElement("host");
        w.writeAttribute("jid", host);
        for (UserContacts u : users) {
            w.writeCharacters("\n    ");
            w.writeStartElement("user");
            w.writeAttribute("name", u.user());
            w.writeCharacters("\n      ");
            w.writeStartElement("query");
            w.writeDefaultNamespace(ROSTER);
            for (RosterItem i : u.items()) {
                if (i.listed()) {
                    w.writeCharacters("\n        ");
                    writeElement(w, i.toElement(), ROSTER);
                }
            }
            w.writeCharacters("\n      ");
            w.writeEndElement();
            for (RosterItem i : u.items()) {
                if (i.pendingIn()) {
                    w.writeCharacters("\n      ");
                    writeElement(w, request(host, u.user(), i), null);
                }
            }
            w.writeCharacters("\n    ");
            w.writeEndElement();
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeCharacters("\n");
        w.writeEndDocument();
        w.flush();
    }

    /** The request as the server kept it, or one rebuilt from the addresses when none was kept. */
    private static Element request(String host, String user, RosterItem item) {
        if (item.pendingInStanza() != null) {
            var kept = StoredStanza.decode(item.pendingInStanza());
            if (kept != null) {
                return kept.element();
            }
        }
        return Element.builder("presence", Namespaces.CLIENT).attribute("from", item.jid().toString())
                .attribute("to", user + "@" + host).attribute("type", "subscribe").build();
    }

    private static void writeElement(XMLStreamWriter w, Element e, String inherited) throws XMLStreamException {
        w.writeStartElement(e.name());
        if (!e.namespace().equals(inherited)) {
            w.writeDefaultNamespace(e.namespace());
        }
        for (Map.Entry<String, String> a : e.attributes().entrySet()) {
            w.writeAttribute(a.getKey(), a.getValue());
        }
        for (Node n : e.children()) {
            if (n instanceof Element child) {
                writeElement(w, child, e.namespace());
            } else if (n instanceof Text t) {
                w.writeCharacters(t.value());
            }
        }
        w.writeEndElement();
    }

    /**
     * Reads a file; users under a host not in {@code hosts} and users with a bad item are left out
     * and reported with the line of the offending element.
     */
    public static ContactFile read(String fileName, Reader in, Set<String> hosts) {
        ContactFile.Collector collected = new ContactFile.Collector();
        XMLInputFactory f = XMLInputFactory.newFactory();
        // A contact file is data, never a reason to fetch or expand anything.
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader r = null;
        try {
            r = f.createXMLStreamReader(in);
            r.nextTag();
            if (!r.getLocalName().equals("server-data") || !NAMESPACE.equals(r.getNamespaceURI())) {
                collected.problem(fileName, r.getLocation().getLineNumber(), null,
                        "the root element must be <server-data xmlns='" + NAMESPACE + "'>");
                return collected.result();
            }
            while (nextChild(r)) {
                if (is(r, "host", NAMESPACE)) {
                    host(fileName, r, hosts, collected);
                } else {
                    skip(r);
                }
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            collected.problem(fileName, line, null, "malformed XML: " + e.getMessage() + "; nothing was imported");
            return new ContactFile(List.of(), collected.result().problems());
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // the reader is being discarded
                }
            }
        }
        return collected.result();
    }

    private static void host(String file, XMLStreamReader r, Set<String> hosts, ContactFile.Collector collected)
            throws XMLStreamException {
        String host = r.getAttributeValue(null, "jid");
        int hostLine = r.getLocation().getLineNumber();
        while (nextChild(r)) {
            if (!is(r, "user", NAMESPACE)) {
                skip(r);
                continue;
            }
            int line = r.getLocation().getLineNumber();
            String raw = r.getAttributeValue(null, "name");
            String user;
            try {
                user = ContactFields.user(raw);
            } catch (IllegalArgumentException e) {
                collected.problem(file, line, raw, e.getMessage());
                skip(r);
                continue;
            }
            if (host == null || !hosts.contains(host)) {
                collected.problem(file, hostLine, user, "host '" + host + "' is not a domain served here " + hosts);
                skip(r);
                continue;
            }
            user(file, r, user, collected);
        }
    }

    private static void user(String file, XMLStreamReader r, String user, ContactFile.Collector collected)
            throws XMLStreamException {
        Map<BareJid, RosterItem> items = new LinkedHashMap<>();
        Map<BareJid, Integer> lines = new LinkedHashMap<>();
        List<Request> requests = new ArrayList<>();
        while (nextChild(r)) {
            int line = r.getLocation().getLineNumber();
            if (is(r, "query", ROSTER)) {
                while (nextChild(r)) {
                    int itemLine = r.getLocation().getLineNumber();
                    if (!is(r, "item", ROSTER)) {
                        skip(r);
                        continue;
                    }
                    Element e = element(r);
                    try {
                        RosterItem item = new RosterItem(ContactFields.contact(e.attribute("jid")),
                                ContactFields.name(e.attribute("name")), groups(e),
                                ContactFields.subscription(e.attribute("subscription")),
                                ContactFields.ask(e.attribute("ask")),
                                false, ContactFields.flag(e.attribute("approved"), "approved", false), true, null);
                        if (items.putIfAbsent(item.jid(), item) != null) {
                            collected.problem(file, itemLine, user, "contact " + item.jid() + " appears twice");
                        }
                        lines.put(item.jid(), itemLine);
                    } catch (IllegalArgumentException ex) {
                        collected.problem(file, itemLine, user, ex.getMessage());
                    }
                }
            } else if (is(r, "presence", Namespaces.CLIENT)) {
                requests.add(new Request(line, element(r)));
            } else {
                skip(r);
            }
        }
        for (Request req : requests) {
            int line = req.line();
            Element p = req.presence();
            if (!"subscribe".equals(p.attribute("type"))) {
                continue; // §4.8 defines only pending subscription requests here
            }
            try {
                BareJid from = ContactFields.contact(p.attribute("from"));
                String kept = StoredStanza.encode(org.parley.xml.Stanza.parse(p));
                RosterItem existing = items.get(from);
                items.put(from, existing == null
                        ? RosterItem.unlisted(from).withPendingIn(true, kept)
                        : existing.withPendingIn(true, kept));
                lines.putIfAbsent(from, line);
            } catch (IllegalArgumentException | org.parley.xml.InvalidStanzaException ex) {
                collected.problem(file, line, user, "subscription request: " + ex.getMessage());
            }
        }
        items.forEach((jid, item) -> collected.add(user, item, file, lines.get(jid)));
        if (items.isEmpty()) {
            collected.touch(user);
        }
    }

    private record Request(int line, Element presence) {
    }

    private static List<String> groups(Element item) {
        List<String> out = new ArrayList<>();
        for (Element g : item.children("group", ROSTER)) {
            String name = g.text();
            if (name.isEmpty() || out.contains(name)) {
                throw new IllegalArgumentException("an empty or repeated group for " + item.attribute("jid"));
            }
            out.add(name);
        }
        return out;
    }

    /** Moves to the next child start element of the current one; false at its end. */
    private static boolean nextChild(XMLStreamReader r) throws XMLStreamException {
        while (r.hasNext()) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
        }
        return false;
    }

    private static boolean is(XMLStreamReader r, String name, String ns) {
        return r.getLocalName().equals(name) && ns.equals(r.getNamespaceURI());
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** The current element and its subtree, as a parley Element; leaves the reader on its end tag. */
    private static Element element(XMLStreamReader r) throws XMLStreamException {
        String ns = r.getNamespaceURI() == null ? XMLConstants.NULL_NS_URI : r.getNamespaceURI();
        Element.Builder b = Element.builder(r.getLocalName(), ns);
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String prefix = r.getAttributePrefix(i);
            String name = prefix == null || prefix.isEmpty() ? r.getAttributeLocalName(i)
                    : prefix + ":" + r.getAttributeLocalName(i);
            b.attribute(name, r.getAttributeValue(i));
        }
        while (true) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                b.child(element(r));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                b.text(r.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return b.build();
            }
        }
    }
}
