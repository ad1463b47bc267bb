package org.parley.xml;

import com.fasterxml.aalto.AsyncXMLStreamReader;
import java.nio.charset.StandardCharsets;

/** Reads what the parser needs from the stream root's start tag, while the reader is on it. */
final class StreamRoot {

    private StreamRoot() {
    }

    /** The root's start tag as written (same qualified name, so the peer's end tag still matches). */
    static byte[] startTag(AsyncXMLStreamReader<?> r) {
        StringBuilder sb = new StringBuilder(128).append('<');
        String prefix = r.getPrefix();
        if (prefix != null && !prefix.isEmpty()) {
            sb.append(prefix).append(':');
        }
        sb.append(r.getLocalName());
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String p = r.getNamespacePrefix(i);
            sb.append(p == null || p.isEmpty() ? " xmlns" : " xmlns:" + p).append("='");
            String uri = r.getNamespaceURI(i);
            XmlEscaper.escapeAttribute(uri == null ? "" : uri, sb);
            sb.append('\'');
        }
        return sb.append('>').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String defaultNamespace(AsyncXMLStreamReader<?> r) {
        for (int i = 0, n = r.getNamespaceCount(); i < n; i++) {
            String prefix = r.getNamespacePrefix(i);
            if (prefix == null || prefix.isEmpty()) {
                return r.getNamespaceURI(i);
            }
        }
        return null;
    }

    static StreamHeader header(AsyncXMLStreamReader<?> r) {
        String to = null;
        String from = null;
        String id = null;
        String version = null;
        String lang = null;
        for (int i = 0, n = r.getAttributeCount(); i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            String name = r.getAttributeLocalName(i);
            if (ns == null || ns.isEmpty()) {
                switch (name) {
                    case "to" -> to = r.getAttributeValue(i);
                    case "from" -> from = r.getAttributeValue(i);
                    case "id" -> id = r.getAttributeValue(i);
                    case "version" -> version = r.getAttributeValue(i);
                    default -> { }
                }
            } else if (Namespaces.XML.equals(ns) && "lang".equals(name)) {
                lang = r.getAttributeValue(i);
            }
        }
        return new StreamHeader(to, from, id, version, lang, defaultNamespace(r));
    }
}
