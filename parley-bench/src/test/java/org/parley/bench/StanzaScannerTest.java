package org.parley.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanzaScannerTest {

    private final List<String> elements = new ArrayList<>();
    private int closed;
    private final StanzaScanner.Sink sink = new StanzaScanner.Sink() {
        @Override
        public void element(byte[] buf, int start, int end) {
            elements.add(new String(buf, start, end - start, StandardCharsets.UTF_8));
        }

        @Override
        public void streamClosed() {
            closed++;
        }
    };

    @Test
    void framesTopLevelElementsSplitAnywhere() {
        String stream = " <message to='a' id='x>y'><body>bench t 1 2 3</body></message>\n<presence/>"
                + "<iq type=\"get\" id='p'><ping xmlns='urn:xmpp:ping'/></iq></stream:stream>";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            elements.clear();
            closed = 0;
            StanzaScanner scanner = new StanzaScanner();
            scanner.feed(java.util.Arrays.copyOfRange(bytes, 0, split), sink);
            scanner.feed(java.util.Arrays.copyOfRange(bytes, split, bytes.length), sink);
            assertThat(elements).as("split at %d", split).containsExactly(
                    "<message to='a' id='x>y'><body>bench t 1 2 3</body></message>", "<presence/>",
                    "<iq type=\"get\" id='p'><ping xmlns='urn:xmpp:ping'/></iq>");
            assertThat(closed).isEqualTo(1);
        }
    }

    @Test
    void incomingReadsNamesAttributesAndBenchFieldsWithoutATree() {
        byte[] b = "<message from='a@b/c' type='chat'><body>bench tag 12 345 -6789</body></message>"
                .getBytes(StandardCharsets.UTF_8);
        Incoming in = new Incoming().wrap(b, 0, b.length);
        assertThat(in.is("message")).isTrue();
        assertThat(in.is("mess")).isFalse();
        assertThat(in.attribute("from")).isEqualTo("a@b/c");
        assertThat(in.hasAttribute("id")).isFalse();
        assertThat(in.seek("bench ".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(in.skip("tag ".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(in.nextLong()).isEqualTo(12);
        assertThat(in.nextLong()).isEqualTo(345);
        assertThat(in.nextLong()).isEqualTo(-6789);
        assertThat(in.nextLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(in.element().childText("body", org.parley.xml.Namespaces.CLIENT)).isEqualTo("bench tag 12 345 -6789");
    }

    @Test
    void attributeEndsWithMatchesTheWholeTailOfTheRawValue() {
        byte[] b = "<presence from=\"room@conference.localhost/bench11\" type='unavailable'><x/></presence>"
                .getBytes(StandardCharsets.UTF_8);
        Incoming in = new Incoming().wrap(b, 0, b.length);
        assertThat(in.attributeEndsWith("from", "/bench11".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(in.attributeEndsWith("from", "/bench1".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(in.attributeEndsWith("type", "unavailable".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(in.attributeEndsWith("to", "x".getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
