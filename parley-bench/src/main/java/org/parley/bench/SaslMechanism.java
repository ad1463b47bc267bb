package org.parley.bench;

/** The SASL mechanisms the generator speaks, with the hash each SCRAM variant uses. */
public enum SaslMechanism {
    PLAIN("PLAIN", null, null),
    SCRAM_SHA_1("SCRAM-SHA-1", "HmacSHA1", "SHA-1"),
    SCRAM_SHA_256("SCRAM-SHA-256", "HmacSHA256", "SHA-256");

    private final String saslName;
    private final String hmac;
    private final String digest;

    SaslMechanism(String saslName, String hmac, String digest) {
        this.saslName = saslName;
        this.hmac = hmac;
        this.digest = digest;
    }

    public String saslName() {
        return saslName;
    }

    String hmacAlgorithm() {
        return hmac;
    }

    String digestAlgorithm() {
        return digest;
    }

    public boolean isScram() {
        return hmac != null;
    }

    /** Accepts the IANA name (SCRAM-SHA-1) as well as the enum name (SCRAM_SHA_1). */
    public static SaslMechanism parse(String name) {
        for (SaslMechanism m : values()) {
            if (m.saslName.equalsIgnoreCase(name) || m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown SASL mechanism " + name + " (PLAIN, SCRAM-SHA-1, SCRAM-SHA-256)");
    }
}
