package org.parley.bench.jmh;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;

/**
 * The c2s codec per 1:1 chat message: parsing it from an open stream (with the reader kept, and
 * with the reader dropped by {@link XmlStreamParser#hibernate()} between messages, as an idle
 * bound session does), building the routed {@link Stanza}, and serialising it for delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx256m"})
public class CodecBenchmark {

    static final String MESSAGE = "<message type='chat' to='bench2@localhost/bench' id='t-1-42'>"
            + "<body>bench tag 1 42 123456789012</body></message>";
    private static final byte[] HEADER = ("<?xml version='1.0'?><stream:stream to='localhost' version='1.0'"
            + " xml:lang='en' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] BYTES = MESSAGE.getBytes(StandardCharsets.UTF_8);

    private XmlStreamParser parser;
    private Sink sink;
    private Stanza parsed;

    @Setup
    public void setUp() throws Exception {
        parser = new XmlStreamParser(262_144);
        sink = new Sink();
        parser.feed(HEADER, 0, HEADER.length, sink);
        parser.feed(BYTES, 0, BYTES.length, sink);
        parsed = Stanza.parse(sink.last);
    }

    @Benchmark
    public Element parse() throws XmlStreamException {
        parser.feed(BYTES, 0, BYTES.length, sink);
        return sink.last;
    }

    @Benchmark
    public Element parseAfterHibernate() throws XmlStreamException {
        parser.hibernate();
        parser.feed(BYTES, 0, BYTES.length, sink);
        return sink.last;
    }

    @Benchmark
    public Stanza parseToStanzaWithFrom() throws Exception {
        parser.feed(BYTES, 0, BYTES.length, sink);
        return Stanza.parse(sink.last).withFrom(parsed.to());
    }

    @Benchmark
    public void serialize(Blackhole bh) {
        bh.consume(parsed.toXml().getBytes(StandardCharsets.UTF_8));
    }

    /** What a delivery does now (a stanza with its own 'to': serialised whole, nothing cached). */
    @Benchmark
    public void serializeToUtf8(Blackhole bh) {
        bh.consume(parsed.toUtf8());
    }

    static final class Sink implements XmlStreamHandler {
        Element last;

        @Override
        public void streamOpened(StreamHeader header) {
        }

        @Override
        public void element(Element element) {
            last = element;
        }

        @Override
        public void streamClosed() {
        }
    }

    static String client() {
        return Namespaces.CLIENT;
    }
}
