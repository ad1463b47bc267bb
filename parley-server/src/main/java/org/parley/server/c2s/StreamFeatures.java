package org.parley.server.c2s;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.parley.server.auth.ChannelBinding;
import org.parley.server.auth.SaslMechanisms;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;

/**
 * The {@code <stream:features/>} a client is offered at each step of negotiation (RFC 6120 §4.3),
 * built once per listener as UTF-8 bytes: thousands of connections share the same few variants
 * instead of each holding its own copy.
 */
final class StreamFeatures {

    private final byte[] beforeTls;
    private final byte[] authPlain;
    private final byte[] authSecure;
    private final byte[] authSecureBound;
    private final byte[] bind;

    /**
     * @param sessionFeatures the stream features modules announce after authentication
     *                        (roster versioning, pre-approval…), read once when the listener starts
     */
    StreamFeatures(SaslMechanisms mechanisms, boolean tlsRequired, boolean registration,
                   List<Element> sessionFeatures) {
        Element.Builder starttls = Element.builder("starttls", Namespaces.TLS);
        if (tlsRequired) {
            starttls.child(Element.of("required", Namespaces.TLS));
        }
        // Before TLS: when TLS is required nothing else may happen, so nothing else is offered.
        // Registration sends a password, so it is offered only over TLS, like PLAIN.
        this.beforeTls = tlsRequired
                ? features(List.of(starttls.build()))
                : features(List.of(starttls.build(), sasl(mechanisms.offered(false, null))));
        this.authPlain = features(List.of(sasl(mechanisms.offered(false, null))));
        Element register = Element.of("register", Namespaces.REGISTER_FEATURE);
        this.authSecure = features(registration
                ? List.of(sasl(mechanisms.offered(true, null)), register)
                : List.of(sasl(mechanisms.offered(true, null))));
        // offered() only checks that a binding exists, so any placeholder selects the -PLUS list.
        List<String> withBinding = mechanisms.offered(true,
                new ChannelBinding(ChannelBinding.TLS_SERVER_END_POINT, new byte[0]));
        this.authSecureBound = features(registration
                ? List.of(sasl(withBinding), register)
                : List.of(sasl(withBinding)));
        Element.Builder afterAuth = Element.builder("features", Namespaces.STREAM)
                .child(Element.of("bind", Namespaces.BIND))
                // RFC 3921 session establishment is obsolete; announcing it as optional keeps
                // old clients working without making new ones send it (RFC 6121 Appendix E).
                .child(Element.builder("session", Namespaces.SESSION)
                        .child(Element.of("optional", Namespaces.SESSION)).build());
        sessionFeatures.forEach(afterAuth::child);
        this.bind = features(afterAuth.build().elements());
    }

    /** Features of a stream that is not (yet) encrypted, on the STARTTLS port. */
    byte[] beforeTls() {
        return beforeTls;
    }

    /** SASL features of an unencrypted stream whose server does not require TLS. */
    byte[] authenticationInPlain() {
        return authPlain;
    }

    /** SASL (and registration) features of an encrypted stream. */
    byte[] authentication(boolean channelBinding) {
        return channelBinding ? authSecureBound : authSecure;
    }

    /** Features after authentication: bind, session, and what modules announce. */
    byte[] binding() {
        return bind;
    }

    private static Element sasl(List<String> names) {
        Element.Builder b = Element.builder("mechanisms", Namespaces.SASL);
        names.forEach(n -> b.child(Element.builder("mechanism", Namespaces.SASL).text(n).build()));
        return b.build();
    }

    private static byte[] features(List<Element> children) {
        StringBuilder sb = new StringBuilder(256).append("<stream:features>");
        children.forEach(c -> c.appendXml(sb, Namespaces.CLIENT));
        return sb.append("</stream:features>").toString().getBytes(StandardCharsets.UTF_8);
    }
}
