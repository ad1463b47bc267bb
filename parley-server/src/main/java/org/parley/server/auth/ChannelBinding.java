package org.parley.server.auth;

import java.util.Arrays;
import java.util.Objects;

/**
 * Channel-binding data of the TLS connection a SASL exchange runs over (RFC 5056), e.g. type
 * {@code tls-server-end-point} (RFC 5929) or {@code tls-exporter} (RFC 9266). Callers pass
 * {@code null} where the TLS stack offers none.
 */
public record ChannelBinding(String type, byte[] data) {

    public static final String TLS_SERVER_END_POINT = "tls-server-end-point";
    public static final String TLS_EXPORTER = "tls-exporter";

    public ChannelBinding {
        Objects.requireNonNull(type, "type");
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelBinding other && type.equals(other.type)
                && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelBinding[" + type + ", " + data.length + " bytes]";
    }
}
