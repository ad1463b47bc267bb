package org.parley.server.c2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SingleThreadEventLoop;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.server.core.SerialExecutor;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaBytes;

/**
 * The batched outbound queue over a real TCP connection (the client is a plain socket): order per
 * sender across threads, stanzas held until open, the bounds, and nothing after the stream ends.
 */
class OutboundTest {

    private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

    private EventLoopGroup loops;
    private Channel server;
    private Socket client;
    private Channel channel; // the server side of the connection

    @BeforeEach
    void connect() throws Exception {
        loops = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        CompletableFuture<Channel> accepted = new CompletableFuture<>();
        server = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.SO_SNDBUF, 8192)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        accepted.complete(ch);
                    }
                })
                .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
        client = new Socket();
        client.setReceiveBufferSize(4096);
        client.connect(server.localAddress());
        channel = accepted.get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        client.close();
        server.close().sync();
        loops.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    @Test
    void eachSendersOrderIsKeptAcrossThreads() throws Exception {
        Outbound out = new Outbound(channel, 100_000, 1L << 30, () -> { });
        onLoop(out::open);
        int perSender = 400;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            String sender = "t" + t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < perSender; i++) {
                    out.add(message(sender + "-" + i));
                }
            }));
        }
        // An actor whose tasks hop between the loops, like a user hub or a room, and the
        // connection's own loop delivering to itself.
        SerialExecutor actor = new SerialExecutor(loops);
        for (int i = 0; i < perSender; i++) {
            String id = "actor-" + i;
            actor.execute(() -> out.add(message(id)));
        }
        channel.eventLoop().execute(() -> {
            for (int i = 0; i < perSender; i++) {
                out.add(message("own-" + i));
            }
        });
        threads.forEach(Thread::start);

        List<String> ids = readIds(5 * perSender);

        Map<String, Integer> next = new HashMap<>();
        for (String id : ids) {
            String sender = id.substring(0, id.lastIndexOf('-'));
            int n = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
            assertThat(n).as("next from %s", sender).isEqualTo(next.getOrDefault(sender, 0));
            next.put(sender, n + 1);
        }
        assertThat(next).hasSize(5).allSatisfy((sender, count) -> assertThat(count).isEqualTo(perSender));
        for (Thread t : threads) {
            t.join();
        }
    }

    @Test
    void stanzasDeliveredBeforeOpenFollowWhatIsWrittenAtOpen() throws Exception {
        Outbound out = new Outbound(channel, 100, 1L << 20, () -> { });
        for (int i = 0; i < 3; i++) {
            out.add(message("held-" + i));
        }
        onLoop(() -> { }); // a turn passes: the drain finds the queue not open and leaves it
        onLoop(() -> {
            channel.writeAndFlush(Unpooled.copiedBuffer("<iq id=\"bind-result\"/>", StandardCharsets.UTF_8));
            out.open();
        });
        out.add(message("after-0"));

        assertThat(readIds(5)).containsExactly("bind-result", "held-0", "held-1", "held-2", "after-0");
    }

    @Test
    void aClientThatDoesNotReadOverflowsTheBoundOnce() throws Exception {
        AtomicInteger overflows = new AtomicInteger();
        CountDownLatch overflowed = new CountDownLatch(1);
        Outbound out = new Outbound(channel, 50, 1L << 20, () -> {
            overflows.incrementAndGet();
            overflowed.countDown();
            channel.close();
        });
        onLoop(out::open);
        StanzaBytes big = Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("to", "a@example.com")
                .child(Element.builder("body", Namespaces.CLIENT).text("x".repeat(16 * 1024)).build())
                .build()).toUtf8();
        // The client reads nothing; 64 MB fits no socket buffer, so a bound is passed on the way.
        for (int i = 0; i < 4096 && overflowed.getCount() > 0; i++) {
            out.add(big);
        }
        assertThat(overflowed.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 100; i++) {
            out.add(big); // dropped: the overflow is handled once
        }
        channel.closeFuture().sync();
        onLoop(() -> { });
        assertThat(overflows).hasValue(1);
    }

    @Test
    void nothingIsWrittenAfterTheStreamEnds() throws Exception {
        Outbound out = new Outbound(channel, 100, 1L << 20, () -> { });
        onLoop(out::open);
        out.add(message("before"));
        onLoop(() -> {
            out.add(message("queued")); // not drained yet: closing writes it ahead of the end
            out.closing();
            channel.writeAndFlush(Unpooled.copiedBuffer("<end id=\"end\"/>", StandardCharsets.UTF_8));
        });
        out.add(message("after"));
        // A tail task queued after the drain that "after" scheduled: it runs once that drain has.
        onLoop(() -> ((SingleThreadEventLoop) channel.eventLoop()).executeAfterEventLoopIteration(() ->
                channel.writeAndFlush(Unpooled.copiedBuffer("<marker id=\"marker\"/>", StandardCharsets.UTF_8))
                        .addListener(ChannelFutureListener.CLOSE)));

        assertThat(readIds(Integer.MAX_VALUE)).containsExactly("before", "queued", "end", "marker");
    }

    private void onLoop(Runnable task) throws Exception {
        channel.eventLoop().submit(task).get(5, TimeUnit.SECONDS);
    }

    private static StanzaBytes message(String id) {
        return Stanza.of(Element.builder("message", Namespaces.CLIENT).attribute("id", id).build())
                .withTo(org.jxmpp.jid.impl.JidCreate.fromOrThrowUnchecked("u@example.com/r")).toUtf8();
    }

    /** The ids of the next {@code count} elements, or of all of them until the server closes. */
    private List<String> readIds(int count) throws IOException {
        client.setSoTimeout(20_000);
        InputStream in = client.getInputStream();
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        List<String> ids = new ArrayList<>();
        byte[] buffer = new byte[8192];
        while (ids.size() < count) {
            int n = in.read(buffer);
            if (n < 0) {
                break;
            }
            seen.write(buffer, 0, n);
            String text = seen.toString(StandardCharsets.UTF_8);
            Matcher m = ID.matcher(text);
            ids.clear();
            while (m.find()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }
}
