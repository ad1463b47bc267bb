package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ElementTest {

    final Element message = Element.builder("message", Namespaces.CLIENT)
            .attribute("to", "juliet@example.com").attribute("type", "chat").attribute("absent", null)
            .child(Element.builder("body", Namespaces.CLIENT).text("hi").build())
            .child(Element.of("active", Namespaces.CHAT_STATES))
            .build();

    @Test
    void builderSkipsNullAttributesAndKeepsOrder() {
        assertThat(message.attributes()).containsExactly(
                java.util.Map.entry("to", "juliet@example.com"), java.util.Map.entry("type", "chat"));
        assertThat(message.childText("body", Namespaces.CLIENT)).isEqualTo("hi");
        assertThat(message.childInNamespace(Namespaces.CHAT_STATES).orElseThrow().name()).isEqualTo("active");
        assertThat(message.elements()).hasSize(2);
    }

    @Test
    void changesReturnCopiesAndLeaveTheOriginalAlone() {
        Element changed = message.withAttribute("to", "romeo@example.net").withAttribute("type", null);
        assertThat(changed.attribute("to")).isEqualTo("romeo@example.net");
        assertThat(changed.attribute("type")).isNull();
        assertThat(message.attribute("to")).isEqualTo("juliet@example.com");
        Element trimmed = message.withoutChildren(e -> e.namespace().equals(Namespaces.CHAT_STATES));
        assertThat(trimmed.elements()).hasSize(1);
        assertThat(message.elements()).hasSize(2);
        assertThat(message.toBuilder().build()).isEqualTo(message).hasSameHashCodeAs(message);
    }

    @Test
    void toXmlOmitsInheritedNamespaceAndEscapes() {
        assertThat(message.toXml(Namespaces.CLIENT)).isEqualTo("<message to=\"juliet@example.com\" type=\"chat\">"
                + "<body>hi</body><active xmlns=\"http://jabber.org/protocol/chatstates\"/></message>");
        assertThat(Element.builder("a", "urn:x").attribute("v", "<'\"&>").text("<&>\r").build().toXml())
                .isEqualTo("<a xmlns=\"urn:x\" v=\"&lt;&apos;&quot;&amp;&gt;\">&lt;&amp;&gt;&#13;</a>");
    }

    @Test
    void textConcatenatesDirectTextOnly() {
        Element mixed = Element.builder("a", "urn:x").text("one ")
                .child(Element.builder("b", "urn:x").text("skipped").build()).text("two").build();
        assertThat(mixed.text()).isEqualTo("one two");
        assertThat(mixed.children(("b"), "urn:x")).hasSize(1);
        assertThat(mixed.withChildren(List.of(new Text("x"))).text()).isEqualTo("x");
    }
}
