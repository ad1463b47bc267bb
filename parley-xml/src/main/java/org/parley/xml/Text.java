package org.parley.xml;

import java.util.Objects;

/** Character data inside an element; escaped when written. */
public record Text(String value) implements Node {

    public Text {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public void appendXml(StringBuilder out, String inheritedNamespace) {
        XmlEscaper.escapeText(value, out);
    }
}
