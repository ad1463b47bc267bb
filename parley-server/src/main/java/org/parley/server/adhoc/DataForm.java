package org.parley.server.adhoc;

import java.util.ArrayList;
import java.util.List;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * A data form (XEP-0004): what a command shows ({@code form}, {@code result}) and what a client
 * submits ({@code submit}, {@code cancel}). Immutable; {@link #toElement()} and {@link #parse}
 * are each other's inverse for the parts Parley uses.
 */
public record DataForm(String type, String title, String instructions, List<Field> fields) {

    /** One field; {@code options} are (label, value) pairs for list fields. */
    public record Field(String var, String type, String label, boolean required, List<String> values,
                        List<Option> options) {

        public Field {
            values = List.copyOf(values);
            options = List.copyOf(options);
        }

        public static Field listSingle(String var, String label, String value, List<Option> options) {
            return new Field(var, "list-single", label, true, value == null ? List.of() : List.of(value), options);
        }

        public static Field textSingle(String var, String label, String value) {
            return new Field(var, "text-single", label, false, value == null ? List.of() : List.of(value), List.of());
        }

        public static Field hidden(String var, String value) {
            return new Field(var, "hidden", null, false, List.of(value), List.of());
        }
    }

    public record Option(String label, String value) {
    }

    public DataForm {
        fields = List.copyOf(fields);
    }

    public static DataForm form(String title, String instructions, List<Field> fields) {
        return new DataForm("form", title, instructions, fields);
    }

    /** The first value of a field, or null when the field is missing or empty. */
    public String value(String var) {
        for (Field f : fields) {
            if (f.var() != null && f.var().equals(var)) {
                return f.values().isEmpty() ? null : f.values().get(0);
            }
        }
        return null;
    }

    public Element toElement() {
        Element.Builder x = Element.builder("x", Namespaces.DATA_FORMS).attribute("type", type);
        if (title != null) {
            x.textChild("title", title);
        }
        if (instructions != null) {
            x.textChild("instructions", instructions);
        }
        for (Field f : fields) {
            Element.Builder field = Element.builder("field", Namespaces.DATA_FORMS)
                    .attribute("var", f.var())
                    .attribute("type", f.type())
                    .attribute("label", f.label());
            if (f.required()) {
                field.child(Element.of("required", Namespaces.DATA_FORMS));
            }
            for (String v : f.values()) {
                field.textChild("value", v);
            }
            for (Option o : f.options()) {
                field.child(Element.builder("option", Namespaces.DATA_FORMS).attribute("label", o.label())
                        .child(Element.builder("value", Namespaces.DATA_FORMS).text(o.value()).build()).build());
            }
            x.child(field.build());
        }
        return x.build();
    }

    /** Reads an {@code <x xmlns='jabber:x:data'/>}; unknown children are ignored (§3.2). */
    public static DataForm parse(Element x) {
        List<Field> fields = new ArrayList<>();
        for (Element f : x.children("field", Namespaces.DATA_FORMS)) {
            List<String> values = new ArrayList<>();
            for (Element v : f.children("value", Namespaces.DATA_FORMS)) {
                values.add(v.text());
            }
            fields.add(new Field(f.attribute("var"), f.attribute("type"), f.attribute("label"),
                    f.child("required", Namespaces.DATA_FORMS).isPresent(), values, List.of()));
        }
        return new DataForm(x.attribute("type"), x.childText("title", Namespaces.DATA_FORMS),
                x.childText("instructions", Namespaces.DATA_FORMS), fields);
    }
}
