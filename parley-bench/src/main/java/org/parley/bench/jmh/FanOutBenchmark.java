package org.parley.bench.jmh;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaBytes;

/**
 * Serialising one stanza for {@code recipients} sessions that differ only in 'to' (a chat-room
 * groupchat message to every occupant; a presence to every subscriber), up to the pooled buffer
 * a connection writes. {@code toXmlEach}: what the c2s path did before (toXml per recipient, UTF-8
 * into a buffer sized for the worst case); {@code toUtf8Each}: {@link Stanza#toUtf8}, where the
 * copies share their origin's serialisation and each encodes only its own address. Each operation
 * starts from a fresh origin, as each broadcast does, so the one-time template is included.
 * Divide by {@code recipients} for the cost per delivery.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-XX:+UseSerialGC", "-Xmx256m"})
public class FanOutBenchmark {

    @Param({"1", "10", "100"})
    int recipients;

    private final ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
    private Stanza message;
    private List<EntityFullJid> to;

    @Setup
    public void setUp() throws Exception {
        // The shape RoomMessageHandler broadcasts: from the sender's occupant JID, no 'to', a stanza-id.
        message = Stanza.of(Element.builder("message", Namespaces.CLIENT)
                .attribute("type", "groupchat").attribute("id", "b7c1d2e3-42")
                .attribute("from", "benchroom@conference.localhost/bench17")
                .child(Element.builder("body", Namespaces.CLIENT).text("bench room 17 42 1732870000123456789").build())
                .child(Element.builder("stanza-id", "urn:xmpp:sid:0")
                        .attribute("id", "0f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0")
                        .attribute("by", "benchroom@conference.localhost").build())
                .build());
        to = new ArrayList<>();
        for (int i = 0; i < recipients; i++) {
            to.add(JidCreate.entityFullFrom("bench" + i + "@localhost/bench"));
        }
    }

    @Benchmark
    public long toXmlEach() {
        Stanza origin = message.withElement(message.element());
        long sum = 0;
        for (EntityFullJid r : to) {
            ByteBuf b = ByteBufUtil.writeUtf8(alloc, origin.withTo(r).toXml());
            sum += b.readableBytes();
            b.release();
        }
        return sum;
    }

    @Benchmark
    public long toUtf8Each() {
        Stanza origin = message.withElement(message.element());
        long sum = 0;
        for (EntityFullJid r : to) {
            StanzaBytes s = origin.withTo(r).toUtf8();
            ByteBuf b = alloc.ioBuffer(s.length());
            b.writeBytes(s.head()).writeBytes(s.to()).writeBytes(s.tail());
            sum += b.readableBytes();
            b.release();
        }
        return sum;
    }
}
