package org.parley.server.testing;

import java.io.StringReader;
import javax.xml.parsers.DocumentBuilderFactory;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.w3c.dom.Attr;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/** Turns XML text into elements for tests (the JDK's DOM parser, independent of our codec). */
public final class TestXml {

    private TestXml() {
    }

    /** Parses one element; unprefixed elements without xmlns are in jabber:client. */
    public static Element parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            String wrapped = "<wrapper xmlns='" + Namespaces.CLIENT + "'>" + xml + "</wrapper>";
            org.w3c.dom.Element root = f.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(wrapped))).getDocumentElement();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof org.w3c.dom.Element e) {
                    return convert(e);
                }
            }
            throw new IllegalArgumentException("no element in: " + xml);
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test XML: " + xml, e);
        }
    }

    public static Stanza stanza(String xml) {
        return Stanza.of(parse(xml));
    }

    private static Element convert(org.w3c.dom.Element dom) {
        String ns = dom.getNamespaceURI() == null ? "" : dom.getNamespaceURI();
        Element.Builder b = Element.builder(dom.getLocalName(), ns);
        NamedNodeMap attrs = dom.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if ("xmlns".equals(a.getName()) || a.getName().startsWith("xmlns:")) {
                continue;
            }
            b.attribute(a.getName(), a.getValue());
        }
        for (Node n = dom.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof org.w3c.dom.Element e) {
                b.child(convert(e));
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.text(n.getNodeValue());
            }
        }
        return b.build();
    }
}
