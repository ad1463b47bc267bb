package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ElementParserTest {

    @Test
    void roundTripsWhatElementWrites() throws Exception {
        Element e = Element.builder("vCard", "vcard-temp")
                .child(Element.builder("FN", "vcard-temp").text("A & <B> \"c\" ☃").build())
                .child(Element.builder("x", "urn:other").attribute("xml:lang", "en").attribute("k", "v'\"").build())
                .build();
        assertThat(ElementParser.parse(e.toXml(), 10_000)).isEqualTo(e);
    }

    @Test
    void refusesWhatIsNotOneWellFormedElement() {
        for (String bad : new String[] {"", "text", "<a xmlns='u'>", "<a xmlns='u'/><b xmlns='u'/>",
                "<!DOCTYPE a><a/>", "<a xmlns='u'>&ent;</a>", "<a xmlns='u'><!-- c --></a>", "<p:a xmlns='u' p:x='1'/>"}) {
            assertThatThrownBy(() -> ElementParser.parse(bad, 10_000)).as(bad).isInstanceOf(XmlStreamException.class);
        }
    }

    @Test
    void enforcesTheSizeBound() {
        String big = "<a xmlns='u'>" + "x".repeat(500) + "</a>";
        assertThatThrownBy(() -> ElementParser.parse(big, 100)).isInstanceOf(XmlStreamException.class);
    }
}
