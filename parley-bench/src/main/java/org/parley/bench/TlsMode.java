package org.parley.bench;

/** How a connection gets TLS: STARTTLS on the plain c2s port (5222) or TLS from the first byte (5223, XEP-0368). */
public enum TlsMode {
    STARTTLS, DIRECT;

    public static TlsMode parse(String s) {
        return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
    }
}
