package org.parley.xml;

/** Defined stanza error conditions (RFC 6120 §8.3.3) with the error type each usually carries. */
public enum StanzaErrorCondition {
    BAD_REQUEST("bad-request", "modify"),
    CONFLICT("conflict", "cancel"),
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", "cancel"),
    FORBIDDEN("forbidden", "auth"),
    GONE("gone", "cancel"),
    INTERNAL_SERVER_ERROR("internal-server-error", "cancel"),
    ITEM_NOT_FOUND("item-not-found", "cancel"),
    JID_MALFORMED("jid-malformed", "modify"),
    NOT_ACCEPTABLE("not-acceptable", "modify"),
    NOT_ALLOWED("not-allowed", "cancel"),
    NOT_AUTHORIZED("not-authorized", "auth"),
    POLICY_VIOLATION("policy-violation", "modify"),
    RECIPIENT_UNAVAILABLE("recipient-unavailable", "wait"),
    REDIRECT("redirect", "modify"),
    REGISTRATION_REQUIRED("registration-required", "auth"),
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", "cancel"),
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", "wait"),
    RESOURCE_CONSTRAINT("resource-constraint", "wait"),
    SERVICE_UNAVAILABLE("service-unavailable", "cancel"),
    SUBSCRIPTION_REQUIRED("subscription-required", "auth"),
    UNDEFINED_CONDITION("undefined-condition", "cancel"),
    UNEXPECTED_REQUEST("unexpected-request", "wait");

    private final String elementName;
    private final String defaultType;

    StanzaErrorCondition(String elementName, String defaultType) {
        this.elementName = elementName;
        this.defaultType = defaultType;
    }

    public String elementName() {
        return elementName;
    }

    public String defaultType() {
        return defaultType;
    }
}
