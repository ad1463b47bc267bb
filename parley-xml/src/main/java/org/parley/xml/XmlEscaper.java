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
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
    }
}
