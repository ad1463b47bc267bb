package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.server.auth.SaslFailure;
import org.parley.server.auth.SaslMechanisms;
import org.parley.server.testing.CoreHarness;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StreamErrorCondition;
import org.parley.xml.StreamHeader;

/** The pure pieces of negotiation: header checks, SASL element encoding, feature variants. */
class NegotiationElementsTest {

    private static final DomainBareJid DOMAIN = JidCreate.domainBareFromOrThrowUnchecked("localhost");

    private static StreamHeader header(String to, String version, String ns) {
        return new StreamHeader(to, null, null, version, null, ns);
    }

    @Test
    void acceptsOurDomainInAnyCaseAndVersionOneDotAnything() {
        assertThat(StreamHeaders.problem(header("LocalHost", "1.0", Namespaces.CLIENT), DOMAIN)).isNull();
        assertThat(StreamHeaders.problem(header("localhost", "1.1", Namespaces.CLIENT), DOMAIN)).isNull();
        assertThat(StreamHeaders.problem(header(null, "1.0", Namespaces.CLIENT), DOMAIN)).isNull();
    }

    @Test
    void refusesOtherHostsVersionsAndNamespaces() {
        assertThat(StreamHeaders.problem(header("example.org", "1.0", Namespaces.CLIENT), DOMAIN))
                .isEqualTo(StreamErrorCondition.HOST_UNKNOWN);
        assertThat(StreamHeaders.problem(header("localhost", null, Namespaces.CLIENT), DOMAIN))
                .isEqualTo(StreamErrorCondition.UNSUPPORTED_VERSION);
        assertThat(StreamHeaders.problem(header("localhost", "2.0", Namespaces.CLIENT), DOMAIN))
                .isEqualTo(StreamErrorCondition.UNSUPPORTED_VERSION);
        assertThat(StreamHeaders.problem(header("localhost", "1.0", Namespaces.SERVER), DOMAIN))
                .isEqualTo(StreamErrorCondition.INVALID_NAMESPACE);
    }

    @Test
    void responseHeaderHasAFreshIdEachTime() {
        Random random = new SecureRandom();
        String a = StreamHeaders.response(header("localhost", "1.0", Namespaces.CLIENT), DOMAIN, random);
        String b = StreamHeaders.response(header("localhost", "1.0", Namespaces.CLIENT), DOMAIN, random);
        assertThat(a).startsWith("<?xml version='1.0'?><stream:stream xmlns='jabber:client'")
                .contains("from='localhost'").contains("version='1.0'").contains("xml:lang='en'");
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void saslDataFollowsTheBase64Rules() {
        assertThat(SaslElements.data(Element.of("auth", Namespaces.SASL))).isNull();
        assertThat(SaslElements.data(Element.builder("auth", Namespaces.SASL).text("=").build())).isEmpty();
        assertThat(SaslElements.data(Element.builder("auth", Namespaces.SASL).text("aGk=").build()))
                .isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SaslElements.data(Element.builder("auth", Namespaces.SASL).text("no!").build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SaslElements.challenge(new byte[0])).contains(">=</challenge>");
        assertThat(SaslElements.success(new byte[0])).isEqualTo("<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>");
        assertThat(SaslElements.failure(SaslFailure.NOT_AUTHORIZED, "a<b"))
                .contains("<not-authorized/>").contains("a&lt;b");
    }

    @Test
    void featuresOfferPlainAndRegistrationOnlyOverTls() {
        try (CoreHarness harness = CoreHarness.start()) {
            featuresOffered(new SaslMechanisms(harness.accounts(), new SecureRandom()));
        }
    }

    private static void featuresOffered(SaslMechanisms mechanisms) {
        StreamFeatures required = new StreamFeatures(mechanisms, true, true,
                List.of(Element.of("ver", Namespaces.ROSTER_VERSIONING)));
        assertThat(text(required.beforeTls())).isEqualTo("<stream:features><starttls xmlns=\"urn:ietf:params:xml:ns:xmpp-tls\">"
                + "<required/></starttls></stream:features>");
        assertThat(text(required.authentication(false))).contains("<mechanism>PLAIN</mechanism>")
                .contains("iq-register").doesNotContain("-PLUS");
        assertThat(text(required.authentication(true))).contains("SCRAM-SHA-256-PLUS");
        assertThat(text(required.binding())).contains("xmpp-bind").contains("<optional/>")
                .contains("urn:xmpp:features:rosterver");

        StreamFeatures optional = new StreamFeatures(mechanisms, false, true, List.of());
        assertThat(text(optional.beforeTls())).contains("<starttls").doesNotContain("<required/>")
                .contains("SCRAM-SHA-256").doesNotContain("PLAIN").doesNotContain("iq-register");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
