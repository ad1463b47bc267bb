package org.parley.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 requests over a fixed set of keep-alive connections on the generator's own event
 * loop, answers read as a status code only. The JDK client cost more generator CPU per phone
 * change than the server spent on it: its selector thread, executor threads and future
 * hand-offs woke threads for every request, and on one core each wake is a context switch.
 * Here a request is one buffer write and its answer a scan of the bytes, on the thread that
 * already reads the XMPP sessions.
 *
 * <p>Requests on one connection are pipelined (RFC 9112 §9.3: answers come back in request
 * order), and requests are spread round robin. The parser knows what a server under test sends:
 * a status line, headers, then a body framed by Content-Length or chunked; nothing else.
 */
final class HttpPipelines implements AutoCloseable {

    private final Bootstrap template;
    private final String host;
    private final int port;
    private final String hostHeader;
    /** Guarded by this: the connections, each opened on first use and again after the server closed it. */
    private final Connection[] slots;
    private int next;

    /** Up to {@code count} connections to host:port on the template's event loops. */
    HttpPipelines(Bootstrap template, String host, int port, int count) {
        this.template = template;
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
        this.slots = new Connection[count];
    }

    /**
     * Sends one request ({@code headers}: extra header lines, each ending in CRLF) and completes
     * with the answer's status code, or exceptionally when the connection failed.
     */
    CompletableFuture<Integer> send(String method, String path, String headers, byte[] body) {
        String head = method + " " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\n" + headers
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Connection c = connection();
        ChannelFuture connected = c.connected;
        connected.addListener(f -> {
            if (!f.isSuccess()) {
                answer.completeExceptionally(f.cause());
                return;
            }
            Channel ch = connected.channel();
            ch.eventLoop().execute(() -> {
                if (!ch.isActive()) {
                    answer.completeExceptionally(new java.io.IOException("HTTP connection closed"));
                    return;
                }
                c.waiting.add(answer);
                ByteBuf out = ch.alloc().buffer(headBytes.length + body.length);
                out.writeBytes(headBytes).writeBytes(body);
                ch.writeAndFlush(out, ch.voidPromise());
            });
        });
        return answer;
    }

    /** The next connection round robin; one the server closed (its idle timeout during sign-ins) is opened again. */
    private synchronized Connection connection() {
        int i = next;
        next = (next + 1) % slots.length;
        Connection c = slots[i];
        if (c == null || c.dead()) {
            c = new Connection();
            c.connected = template.clone().handler(c).connect(host, port);
            slots[i] = c;
        }
        return c;
    }

    @Override
    public synchronized void close() {
        for (Connection c : slots) {
            if (c != null) {
                c.connected.channel().close();
            }
        }
    }

    /** One connection: its unanswered requests in order, and the answer parser (event loop only). */
    private static final class Connection extends ChannelInboundHandlerAdapter {

        private static final int LINE = 0; // status line or a header line
        private static final int BODY = 1; // Content-Length bytes left in {@code remaining}
        private static final int CHUNK_SIZE = 2;
        private static final int CHUNK_DATA = 3;
        private static final int CHUNK_END = 4; // the CRLF after chunk data
        private static final int TRAILER = 5;

        ChannelFuture connected;

        /**
         * Whether the connect failed or the channel has closed since. Read from the channel itself,
         * not from a flag set in channelInactive: that event may still be queued when a retry asks.
         */
        boolean dead() {
            return connected.isDone() && (!connected.isSuccess() || !connected.channel().isActive());
        }
        final ArrayDeque<CompletableFuture<Integer>> waiting = new ArrayDeque<>();
        private final StringBuilder line = new StringBuilder();
        private int state = LINE;
        private boolean statusRead;
        private int status;
        private long remaining;
        private boolean chunked;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                while (in.isReadable()) {
                    switch (state) {
                        case BODY, CHUNK_DATA -> {
                            int n = (int) Math.min(remaining, in.readableBytes());
                            in.skipBytes(n);
                            remaining -= n;
                            if (remaining == 0) {
                                if (state == BODY) {
                                    answered();
                                } else {
                                    state = CHUNK_END;
                                }
                            }
                        }
                        default -> {
                            if (readLine(in)) {
                                lineDone();
                            }
                        }
                    }
                }
            } finally {
                in.release();
            }
        }

        /** Appends bytes up to and including LF; true when a whole line (without CRLF) is in {@code line}. */
        private boolean readLine(ByteBuf in) {
            while (in.isReadable()) {
                byte b = in.readByte();
                if (b == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return true;
                }
                line.append((char) b);
            }
            return false;
        }

        private void lineDone() {
            String l = line.toString();
            line.setLength(0);
            switch (state) {
                case LINE -> {
                    if (!statusRead) {
                        // "HTTP/1.1 200 OK"
                        status = Integer.parseInt(l.substring(9, 12));
                        statusRead = true;
                        remaining = 0;
                        chunked = false;
                    } else if (l.isEmpty()) {
                        if (chunked) {
                            state = CHUNK_SIZE;
                        } else if (remaining > 0) {
                            state = BODY;
                        } else {
                            answered();
                        }
                    } else if (l.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                        remaining = Long.parseLong(l.substring(15).trim());
                    } else if (l.regionMatches(true, 0, "Transfer-Encoding:", 0, 18)
                            && l.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                        chunked = true;
                    }
                }
                case CHUNK_SIZE -> {
                    int semi = l.indexOf(';');
                    remaining = Long.parseLong((semi < 0 ? l : l.substring(0, semi)).trim(), 16);
                    state = remaining == 0 ? TRAILER : CHUNK_DATA;
                }
                case CHUNK_END -> state = CHUNK_SIZE;
                case TRAILER -> {
                    if (l.isEmpty()) {
                        answered();
                    }
                }
                default -> throw new IllegalStateException("HTTP parser state " + state);
            }
        }

        private void answered() {
            state = LINE;
            statusRead = false;
            CompletableFuture<Integer> f = waiting.poll();
            if (f != null) {
                f.complete(status);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            failAll(new java.io.IOException("HTTP connection closed"));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failAll(cause);
            ctx.close();
        }

        private void failAll(Throwable cause) {
            CompletableFuture<Integer> f;
            while ((f = waiting.poll()) != null) {
                f.completeExceptionally(cause);
            }
        }
    }
}
