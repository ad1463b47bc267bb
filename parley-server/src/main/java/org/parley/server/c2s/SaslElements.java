package org.parley.server.c2s;

import java.util.Base64;
import org.parley.server.auth.SaslFailure;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * The SASL nonzas of RFC 6120 §6.4 and their base64 rules: an element without text carries no
 * data, and a single {@code =} carries data of zero length.
 */
final class SaslElements {

    private static final String NS = Namespaces.SASL;

    private SaslElements() {
    }

    /**
     * Data of an {@code <auth/>} or {@code <response/>}; null when the element holds none.
     * RFC 6120 §6.4.2 forbids line breaks inside the data, hence the strict decoder.
     *
     * @throws IllegalArgumentException when the text is not valid base64 (incorrect-encoding)
     */
    static byte[] data(Element element) {
        String text = element.text().strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.equals("=")) {
            return new byte[0];
        }
        return Base64.getDecoder().decode(text);
    }

    static String challenge(byte[] data) {
        return "<challenge xmlns='" + NS + "'>" + encode(data) + "</challenge>";
    }

    /** Success carries additional data when the mechanism has any (SCRAM's server signature). */
    static String success(byte[] additionalData) {
        if (additionalData.length == 0) {
            return "<success xmlns='" + NS + "'/>";
        }
        return "<success xmlns='" + NS + "'>" + Base64.getEncoder().encodeToString(additionalData) + "</success>";
    }

    static String failure(SaslFailure condition, String text) {
        StringBuilder sb = new StringBuilder(128).append("<failure xmlns='").append(NS).append("'><")
                .append(condition.elementName()).append("/>");
        if (text != null && !text.isEmpty()) {
            sb.append(Element.builder("text", NS).text(text).build().toXml(NS));
        }
        return sb.append("</failure>").toString();
    }

    private static String encode(byte[] data) {
        return data.length == 0 ? "=" : Base64.getEncoder().encodeToString(data);
    }
}
