package org.parley.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code a=value,b=value} attribute lists of SCRAM messages (RFC 5802 §5.1), in order.
 * Commas never occur inside values: saslnames escape them, nonces and base64 exclude them.
 */
record ScramAttributes(List<Attribute> attributes) {

    record Attribute(char name, String value) {
    }

    /** Empty when the text is not a list of {@code ALPHA "=" value} items. */
    static Optional<ScramAttributes> parse(String text) {
        List<Attribute> list = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            if (item.length() < 2 || item.charAt(1) != '=' || !isAlpha(item.charAt(0))) {
                return Optional.empty();
            }
            list.add(new Attribute(item.charAt(0), item.substring(2)));
        }
        return Optional.of(new ScramAttributes(List.copyOf(list)));
    }

    /** Whether attribute {@code index} exists and has this name. */
    boolean has(int index, char name) {
        return index < attributes.size() && attributes.get(index).name() == name;
    }

    String value(int index) {
        return attributes.get(index).value();
    }

    int size() {
        return attributes.size();
    }

    /** Decodes a saslname ({@code =2C} is ',', {@code =3D} is '='); empty if malformed. */
    static Optional<String> decodeSaslName(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',') {
                return Optional.empty();
            }
            if (c != '=') {
                out.append(c);
            } else if (value.startsWith("=2C", i)) {
                out.append(',');
                i += 2;
            } else if (value.startsWith("=3D", i)) {
                out.append('=');
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        return out.length() == 0 ? Optional.empty() : Optional.of(out.toString());
    }

    /** A nonce is printable ASCII except ',' (RFC 5802 §7). */
    static boolean isValidNonce(String nonce) {
        if (nonce.isEmpty()) {
            return false;
        }
        for (int i = 0; i < nonce.length(); i++) {
            char c = nonce.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
