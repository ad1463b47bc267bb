package org.parley.xml;

/** Escaping for character data and attribute values (XML 1.0 §2.4, §3.3.3). */
public final class XmlEscaper {

    private XmlEscaper() {
    }

    public static void escapeText(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                // A literal CR would come back as LF: XML parsers normalise line ends (XML 1.0 §2.11).
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    public static void escapeAttribute(String s, StringBuilder out) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String entity = attributeEntity(c);
            if (entity == null) {
                out.append(c);
            } else {
                out.append(entity);
            }
        }
    }

    /** {@code s} escaped for an attribute value: the same instance when nothing needs escaping (the usual case). */
    public static String escapeAttribute(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (attributeEntity(s.charAt(i)) != null) {
                StringBuilder out = new StringBuilder(s.length() + 16);
                escapeAttribute(s, out);
                return out.toString();
            }
        }
        return s;
    }

    private static String attributeEntity(char c) {
        return switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&apos;";
            case '\n' -> "&#10;";
            case '\r' -> "&#13;";
            case '\t' -> "&#9;";
            default -> null;
        };
    }
}
