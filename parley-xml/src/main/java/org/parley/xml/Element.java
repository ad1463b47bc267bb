package org.parley.xml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An immutable XML element: a local name, a namespace, ordered attributes and children.
 *
 * <p>Immutable so that one parsed stanza can be routed to many sessions without copies and
 * without anyone changing it under another's feet; "changes" return a new element that
 * shares the unchanged parts. Attribute names are unprefixed, except {@code xml:lang}
 * and any attribute from another namespace, which keep their prefix as written.
 */
public final class Element implements Node {

    private final String name;
    private final String namespace;
    private final Attributes attributes;
    /**
     * Always a random-access list. Loops over it are indexed: the server may run C1-compiled code
     * (no escape analysis), where a for-each allocates an iterator on every stanza lookup.
     */
    private final List<Node> children;

    private Element(String name, String namespace, Attributes attributes, List<Node> children) {
        this.name = name;
        this.namespace = namespace;
        this.attributes = attributes;
        this.children = children;
    }

    public static Builder builder(String name, String namespace) {
        return new Builder(name, namespace);
    }

    /** An empty element {@code <name xmlns='namespace'/>}. */
    public static Element of(String name, String namespace) {
        return new Element(name, namespace, Attributes.EMPTY, List.of());
    }

    public String name() {
        return name;
    }

    public String namespace() {
        return namespace;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public List<Node> children() {
        return children;
    }

    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    public boolean is(String localName, String ns) {
        return name.equals(localName) && namespace.equals(ns);
    }

    /** The child elements only, without text nodes. */
    public List<Element> elements() {
        List<Element> out = new ArrayList<>(children.size());
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public Optional<Element> child(String localName, String ns) {
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Element e && e.is(localName, ns)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** The first child element in the given namespace, whatever its name. */
    public Optional<Element> childInNamespace(String ns) {
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Element e && e.namespace.equals(ns)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public List<Element> children(String localName, String ns) {
        List<Element> out = new ArrayList<>();
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Element e && e.is(localName, ns)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The text of the named child, or null when there is no such child. */
    public String childText(String localName, String ns) {
        return child(localName, ns).map(Element::text).orElse(null);
    }

    /** The concatenated character data directly inside this element. */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof Text t) {
            return t.value();
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (n instanceof Text t) {
                sb.append(t.value());
            }
        }
        return sb.toString();
    }

    /** This element with the attribute set (in place if present, else last), or removed when {@code value} is null. */
    public Element withAttribute(String attributeName, String value) {
        Attributes changed = attributes.with(attributeName, value);
        return changed == attributes ? this : new Element(name, namespace, changed, children);
    }

    public Element withChildren(List<? extends Node> newChildren) {
        return new Element(name, namespace, attributes, List.copyOf(newChildren));
    }

    public Element withChild(Node child) {
        List<Node> copy = new ArrayList<>(children.size() + 1);
        copy.addAll(children);
        copy.add(child);
        return new Element(name, namespace, attributes, Collections.unmodifiableList(copy));
    }

    public Element withoutChildren(Predicate<Element> drop) {
        List<Node> copy = new ArrayList<>(children.size());
        for (int i = 0, size = children.size(); i < size; i++) {
            Node n = children.get(i);
            if (!(n instanceof Element e && drop.test(e))) {
                copy.add(n);
            }
        }
        return new Element(name, namespace, attributes, Collections.unmodifiableList(copy));
    }

    public Builder toBuilder() {
        Builder b = new Builder(name, namespace);
        for (int i = 0, n = attributes.size(); i < n; i++) {
            b.attribute(attributes.nameAt(i), attributes.valueAt(i));
        }
        b.children.addAll(children);
        return b;
    }

    /** This element as XML with its own xmlns declared. */
    public String toXml() {
        StringBuilder sb = new StringBuilder(128);
        appendXml(sb, null);
        return sb.toString();
    }

    /** This element as XML inside a parent (or stream) whose default namespace is given. */
    public String toXml(String inheritedNamespace) {
        StringBuilder sb = new StringBuilder(128);
        appendXml(sb, inheritedNamespace);
        return sb.toString();
    }

    @Override
    public void appendXml(StringBuilder out, String inheritedNamespace) {
        append(out, inheritedNamespace, false);
    }

    /**
     * Appends this element as XML with the value of its {@code to} attribute left out, and returns
     * the index in {@code out} where that value goes. Without a {@code to} attribute, an empty one
     * is written after the others: where {@link #withAttribute} would add it. For
     * {@link StanzaTemplate}, which serialises a stanza once for many recipients.
     */
    int appendXmlWithToSlot(StringBuilder out, String inheritedNamespace) {
        return append(out, inheritedNamespace, true);
    }

    private int append(StringBuilder out, String inheritedNamespace, boolean toSlot) {
        int slot = -1;
        out.append('<').append(name);
        if (!namespace.equals(inheritedNamespace)) {
            out.append(" xmlns=\"");
            XmlEscaper.escapeAttribute(namespace, out);
            out.append('"');
        }
        for (int i = 0, n = attributes.size(); i < n; i++) {
            String attribute = attributes.nameAt(i);
            out.append(' ').append(attribute).append("=\"");
            if (toSlot && attribute.equals("to")) {
                slot = out.length();
            } else {
                XmlEscaper.escapeAttribute(attributes.valueAt(i), out);
            }
            out.append('"');
        }
        if (toSlot && slot < 0) {
            out.append(" to=\"");
            slot = out.length();
            out.append('"');
        }
        if (children.isEmpty()) {
            out.append("/>");
            return slot;
        }
        out.append('>');
        for (int i = 0, size = children.size(); i < size; i++) {
            children.get(i).appendXml(out, namespace);
        }
        out.append("</").append(name).append('>');
        return slot;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Element e && name.equals(e.name) && namespace.equals(e.namespace)
                && attributes.equals(e.attributes) && children.equals(e.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, namespace, attributes, children);
    }

    @Override
    public String toString() {
        return toXml();
    }

    /** Builds an element; not thread-safe, build() hands out an immutable copy. */
    public static final class Builder {
        private final String name;
        private final String namespace;
        private String[] attributes; // names and values, allocated with the first attribute
        private int attributeCount;
        private final List<Node> children = new ArrayList<>();

        private Builder(String name, String namespace) {
            this.name = Objects.requireNonNull(name, "name");
            this.namespace = Objects.requireNonNull(namespace, "namespace");
        }

        /** Sets an attribute; a null value leaves it out, which keeps call sites short. */
        public Builder attribute(String attributeName, String value) {
            if (value == null) {
                return this;
            }
            Objects.requireNonNull(attributeName, "attributeName");
            int at = attributes == null ? -1 : Attributes.indexOf(attributes, attributeCount, attributeName);
            if (at >= 0) {
                attributes[at + 1] = value; // set again: the later value wins, in the first place
                return this;
            }
            if (attributes == null) {
                attributes = new String[8];
            } else if (2 * attributeCount == attributes.length) {
                attributes = Arrays.copyOf(attributes, 2 * attributes.length);
            }
            attributes[2 * attributeCount] = attributeName;
            attributes[2 * attributeCount + 1] = value;
            attributeCount++;
            return this;
        }

        public Builder child(Node child) {
            children.add(Objects.requireNonNull(child));
            return this;
        }

        public Builder children(List<? extends Node> nodes) {
            children.addAll(nodes);
            return this;
        }

        public Builder text(String value) {
            if (value != null && !value.isEmpty()) {
                children.add(new Text(value));
            }
            return this;
        }

        /** Adds {@code <childName>text</childName>} in this element's namespace. */
        public Builder textChild(String childName, String value) {
            if (value != null) {
                children.add(Element.builder(childName, namespace).text(value).build());
            }
            return this;
        }

        public Element build() {
            return new Element(name, namespace, Attributes.of(attributes, attributeCount),
                    children.isEmpty() ? List.of() : List.copyOf(children));
        }
    }
}
