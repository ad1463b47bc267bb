package org.parley.xml;

/**
 * The attributes of a stream header (RFC 6120 §4.7); any of them may be null.
 *
 * @param lang             the {@code xml:lang} attribute
 * @param defaultNamespace the content namespace declared as default ({@code jabber:client} or {@code jabber:server})
 */
public record StreamHeader(String to, String from, String id, String version, String lang, String defaultNamespace) {

    /**
     * The opening tag of a stream with these attributes. It is deliberately left open: the stream
     * element is closed only when the stream ends.
     */
    public String toXml(boolean withXmlDeclaration) {
        StringBuilder sb = new StringBuilder(200);
        if (withXmlDeclaration) {
            sb.append("<?xml version='1.0'?>");
        }
        sb.append("<stream:stream");
        attribute(sb, "xmlns", defaultNamespace);
        attribute(sb, "xmlns:stream", Namespaces.STREAM);
        appendAttributes(sb);
        return sb.append('>').toString();
    }

    /** The RFC 7395 {@code <open/>} element that replaces the stream header over WebSocket. */
    public String toFramedXml() {
        StringBuilder sb = new StringBuilder(160).append("<open");
        attribute(sb, "xmlns", Namespaces.FRAMING);
        appendAttributes(sb);
        return sb.append("/>").toString();
    }

    private void appendAttributes(StringBuilder sb) {
        attribute(sb, "to", to);
        attribute(sb, "from", from);
        attribute(sb, "id", id);
        attribute(sb, "version", version);
        attribute(sb, "xml:lang", lang);
    }

    private static void attribute(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(' ').append(name).append("='");
            XmlEscaper.escapeAttribute(value, sb);
            sb.append('\'');
        }
    }
}
