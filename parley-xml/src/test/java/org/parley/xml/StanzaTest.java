package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.impl.JidCreate;

class StanzaTest {

    static Stanza iqGet() throws Exception {
        return Stanza.parse(Element.builder("iq", Namespaces.CLIENT)
                .attribute("type", "get").attribute("id", "v1")
                .attribute("from", "juliet@example.com/balcony").attribute("to", "example.com")
                .child(Element.of("query", Namespaces.VERSION)).build());
    }

    @Test
    void parseReadsKindAndAddresses() throws Exception {
        Stanza iq = iqGet();
        assertThat(iq.isIq()).isTrue();
        assertThat(iq.isIqRequest()).isTrue();
        assertThat((Object) iq.from()).isEqualTo(JidCreate.from("juliet@example.com/balcony"));
        assertThat((Object) iq.to()).isEqualTo(JidCreate.from("example.com"));
        assertThat(iq.id()).isEqualTo("v1");
    }

    @Test
    void badJidAndNonStanzaAreRejectedWithTheirConditions() {
        assertThatThrownBy(() -> Stanza.parse(Element.builder("message", Namespaces.CLIENT)
                .attribute("to", "@example.com").build()))
                .isInstanceOfSatisfying(InvalidStanzaException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED));
        assertThatThrownBy(() -> Stanza.parse(Element.of("starttls", Namespaces.TLS)))
                .isInstanceOfSatisfying(InvalidStanzaException.class,
                        e -> assertThat(e.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
    }

    @Test
    void withFromAndWithToCopyWithoutTouchingTheOriginal() throws Exception {
        Stanza original = Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("to", "romeo@example.net").build());
        Stanza stamped = original.withFrom(JidCreate.from("juliet@example.com/balcony"));
        assertThat(stamped.element().attribute("from")).isEqualTo("juliet@example.com/balcony");
        assertThat((Object) stamped.from()).isEqualTo(JidCreate.from("juliet@example.com/balcony"));
        assertThat((Object) original.from()).isNull();
        assertThat(original.element().attribute("from")).isNull();
        Stanza readdressed = stamped.withTo(JidCreate.from("romeo@example.net/orchard"));
        assertThat(readdressed.element().attribute("to")).isEqualTo("romeo@example.net/orchard");
        assertThat(stamped.element().attribute("to")).isEqualTo("romeo@example.net");
        assertThat(readdressed.withTo(null).element().attribute("to")).isNull();
        assertThat(stamped.withFrom(stamped.from())).isSameAs(stamped);
    }

    @Test
    void resultSwapsAddressesAndKeepsTheId() throws Exception {
        Stanza result = Stanzas.result(iqGet(), Element.of("query", Namespaces.VERSION));
        assertThat(result.type()).isEqualTo("result");
        assertThat(result.id()).isEqualTo("v1");
        assertThat((Object) result.to()).isEqualTo(JidCreate.from("juliet@example.com/balcony"));
        assertThat((Object) result.from()).isEqualTo(JidCreate.from("example.com"));
        assertThat(result.element().child("query", Namespaces.VERSION)).isPresent();
    }

    /** RFC 6120 §8.3.1/§8.3.2: type error, same id, addresses swapped, payload kept, error with condition and text. */
    @Test
    void errorReplyHasTheShapeOfRfc6120() throws Exception {
        Stanza error = Stanzas.error(iqGet(), StanzaErrorCondition.SERVICE_UNAVAILABLE, "not here");
        Element e = error.element();
        assertThat(e.name()).isEqualTo("iq");
        assertThat(e.attribute("type")).isEqualTo("error");
        assertThat(e.attribute("id")).isEqualTo("v1");
        assertThat(e.attribute("to")).isEqualTo("juliet@example.com/balcony");
        assertThat(e.attribute("from")).isEqualTo("example.com");
        assertThat(e.child("query", Namespaces.VERSION)).isPresent();
        Element err = e.child("error", Namespaces.CLIENT).orElseThrow();
        assertThat(err.attribute("type")).isEqualTo("cancel");
        assertThat(err.child("service-unavailable", Namespaces.STANZAS_ERRORS)).isPresent();
        assertThat(err.childText("text", Namespaces.STANZAS_ERRORS)).isEqualTo("not here");
        assertThat(Stanzas.errorCondition(error)).isEqualTo(StanzaErrorCondition.SERVICE_UNAVAILABLE);
        assertThat(error.isError()).isTrue();
    }

    @Test
    void errorReplyToAnErrorDoesNotNestTheOldError() throws Exception {
        Stanza first = Stanzas.error(iqGet(), StanzaErrorCondition.FORBIDDEN, null);
        Stanza second = Stanzas.error(first, StanzaErrorCondition.BAD_REQUEST, "modify", null);
        assertThat(second.element().children("error", Namespaces.CLIENT)).hasSize(1);
        assertThat(Stanzas.errorCondition(second)).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(second.element().child("error", Namespaces.CLIENT).orElseThrow().attribute("type")).isEqualTo("modify");
    }

    @Test
    void streamErrorXml() {
        assertThat(StreamErrorCondition.POLICY_VIOLATION.toXml("too big <"))
                .isEqualTo("<stream:error><policy-violation xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>"
                        + "<text xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\">too big &lt;</text></stream:error>");
    }
}
