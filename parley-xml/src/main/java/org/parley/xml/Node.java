package org.parley.xml;

/** A child of an element: another element or a run of character data. */
public sealed interface Node permits Element, Text {

    /** Appends this node as XML, omitting an {@code xmlns} equal to {@code inheritedNamespace}. */
    void appendXml(StringBuilder out, String inheritedNamespace);
}
