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
    void attributesBehaveAsAnImmutableOrderedMap() {
        Element e = Element.builder("iq", Namespaces.CLIENT)
                .attribute("type", "get").attribute("id", "1").attribute("to", "a@b").attribute("type", "set")
                .attribute("x1", "1").attribute("x2", "2").attribute("x3", "3").attribute("x4", "4").build();

        // Set twice: the later value, in the first place.
        assertThat(e.attributes().keySet()).containsExactly("type", "id", "to", "x1", "x2", "x3", "x4");
        assertThat(e.attribute("type")).isEqualTo("set");
        assertThat(e.attributes()).containsEntry("x4", "4").doesNotContainKey("x5").hasSize(7);
        assertThat(e.attributes()).isEqualTo(new java.util.HashMap<>(e.attributes()))
                .hasSameHashCodeAs(new java.util.HashMap<>(e.attributes()));
        assertThat(e.withAttribute("id", "2").attributes().keySet()).containsExactly("type", "id", "to", "x1", "x2",
                "x3", "x4");
        assertThat(e.withAttribute("new", "n").attributes().keySet()).endsWith("x4", "new");
        assertThat(e.withAttribute("id", null).attributes().keySet()).containsExactly("type", "to", "x1", "x2", "x3",
                "x4");
        assertThat(e.withAttribute("absent", null)).isSameAs(e);
        assertThat(Element.of("a", "b").withAttribute("k", "v").withAttribute("k", null).attributes()).isEmpty();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.attributes().put("k", "v"))
                .isInstanceOf(UnsupportedOperationException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> e.attributes().entrySet().iterator().remove())
                .isInstanceOf(UnsupportedOperationException.class);
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
