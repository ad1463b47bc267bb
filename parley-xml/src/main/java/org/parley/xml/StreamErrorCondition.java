package org.parley.xml;

/** Defined stream error conditions (RFC 6120 §4.9.3). */
public enum StreamErrorCondition {
    BAD_FORMAT("bad-format"),
    BAD_NAMESPACE_PREFIX("bad-namespace-prefix"),
    CONFLICT("conflict"),
    CONNECTION_TIMEOUT("connection-timeout"),
    HOST_GONE("host-gone"),
    HOST_UNKNOWN("host-unknown"),
    IMPROPER_ADDRESSING("improper-addressing"),
    INTERNAL_SERVER_ERROR("internal-server-error"),
    INVALID_FROM("invalid-from"),
    INVALID_NAMESPACE("invalid-namespace"),
    INVALID_XML("invalid-xml"),
    NOT_AUTHORIZED("not-authorized"),
    NOT_WELL_FORMED("not-well-formed"),
    POLICY_VIOLATION("policy-violation"),
    REMOTE_CONNECTION_FAILED("remote-connection-failed"),
    RESET("reset"),
    RESOURCE_CONSTRAINT("resource-constraint"),
    RESTRICTED_XML("restricted-xml"),
    SEE_OTHER_HOST("see-other-host"),
    SYSTEM_SHUTDOWN("system-shutdown"),
    UNDEFINED_CONDITION("undefined-condition"),
    UNSUPPORTED_ENCODING("unsupported-encoding"),
    UNSUPPORTED_FEATURE("unsupported-feature"),
    UNSUPPORTED_STANZA_TYPE("unsupported-stanza-type"),
    UNSUPPORTED_VERSION("unsupported-version");

    private final String elementName;

    StreamErrorCondition(String elementName) {
        this.elementName = elementName;
    }

    public String elementName() {
        return elementName;
    }

    /** {@code <stream:error>} with this condition and an optional human-readable text. */
    public String toXml(String text) {
        StringBuilder sb = new StringBuilder("<stream:error><").append(elementName)
                .append(" xmlns=\"").append(Namespaces.STREAMS_ERRORS).append("\"/>");
        if (text != null) {
            sb.append("<text xmlns=\"").append(Namespaces.STREAMS_ERRORS).append("\">");
            XmlEscaper.escapeText(text, sb);
            sb.append("</text>");
        }
        return sb.append("</stream:error>").toString();
    }
}
