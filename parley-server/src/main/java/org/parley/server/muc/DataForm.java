package org.parley.server.muc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;

/**
 * A submitted XEP-0004 data form, reduced to what a service reads: its type and the values of
 * each field. Typed accessors refuse malformed values with bad-request, naming the field, so a
 * client learns what it got wrong instead of seeing its value silently ignored.
 */
record DataForm(String type, Map<String, List<String>> fields) {

    /** Parses an {@code <x xmlns='jabber:x:data'/>}. */
    static DataForm parse(Element x) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element field : x.children("field", Namespaces.DATA_FORMS)) {
            String var = field.attribute("var");
            if (var == null) {
                continue;
            }
            List<String> values = new ArrayList<>();
            for (Element v : field.children("value", Namespaces.DATA_FORMS)) {
                values.add(v.text());
            }
            fields.put(var, List.copyOf(values));
        }
        return new DataForm(x.attribute("type"), fields);
    }

    String formType() {
        return text("FORM_TYPE");
    }

    boolean has(String var) {
        return fields.containsKey(var);
    }

    /** The single value of a field, or null when the field is absent or empty. */
    String text(String var) {
        List<String> values = fields.get(var);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    List<String> values(String var) {
        return fields.getOrDefault(var, List.of());
    }

    /** XEP-0004 §3.3 boolean: 0, 1, false, true. */
    boolean bool(String var, boolean absent) {
        String v = text(var);
        if (v == null) {
            return absent;
        }
        return switch (v.trim()) {
            case "1", "true" -> true;
            case "0", "false" -> false;
            default -> throw invalid(var, "is a boolean (0, 1, true or false), not '" + v + "'");
        };
    }

    int number(String var, int absent, int min, int max) {
        String v = text(var);
        if (v == null) {
            return absent;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw invalid(var, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw invalid(var, "is a number, not '" + v + "'");
        }
    }

    String option(String var, String absent, List<String> options) {
        String v = text(var);
        if (v == null) {
            return absent;
        }
        if (!options.contains(v)) {
            throw invalid(var, "must be one of " + options + ", not '" + v + "'");
        }
        return v;
    }

    static StanzaErrorException invalid(String var, String what) {
        return new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "Field " + var + " " + what);
    }

    /** Builds a form or result to send (XEP-0004 §3: title, instructions, fields, then reported and items). */
    static final class Builder {
        private final Element.Builder x;
        private final List<Element> instructions = new ArrayList<>();
        private final List<Element> fields = new ArrayList<>();
        private final List<Element> rest = new ArrayList<>();

        Builder(String type, String formType, String title) {
            x = Element.builder("x", Namespaces.DATA_FORMS).attribute("type", type);
            if (title != null) {
                x.textChild("title", title);
            }
            if (formType != null) {
                field("FORM_TYPE", "hidden", null, List.of(formType), List.of());
            }
        }

        Builder instructions(String text) {
            instructions.add(Element.builder("instructions", Namespaces.DATA_FORMS).text(text).build());
            return this;
        }

        Builder field(String var, String type, String label, List<String> values, List<String> options) {
            Element.Builder f = Element.builder("field", Namespaces.DATA_FORMS)
                    .attribute("var", var).attribute("type", type).attribute("label", label);
            for (String option : options) {
                f.child(Element.builder("option", Namespaces.DATA_FORMS)
                        .child(Element.builder("value", Namespaces.DATA_FORMS).text(option).build()).build());
            }
            for (String v : values) {
                f.child(Element.builder("value", Namespaces.DATA_FORMS).text(v).build());
            }
            fields.add(f.build());
            return this;
        }

        Builder field(String var, String type, String label, String value) {
            return field(var, type, label, value == null ? List.of() : List.of(value), List.of());
        }

        /** A field the submitter must fill in (XEP-0004 {@code <required/>}). */
        Builder required(String var, String type, String label, String value) {
            field(var, type, label, value);
            Element f = fields.remove(fields.size() - 1);
            fields.add(f.withChild(Element.of("required", Namespaces.DATA_FORMS)));
            return this;
        }

        Builder bool(String var, String label, boolean value) {
            return field(var, "boolean", label, value ? "1" : "0");
        }

        /** A {@code <reported/>} or {@code <item/>} of a result: after the fields. */
        Builder child(Element e) {
            rest.add(e);
            return this;
        }

        Element build() {
            return x.children(instructions).children(fields).children(rest).build();
        }
    }
}
