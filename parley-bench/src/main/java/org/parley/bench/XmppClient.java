package org.parley.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;

/**
 * One client connection and its stream negotiation (RFC 6120): STARTTLS or direct TLS, SASL,
 * resource binding, the legacy session if the server still requires it, initial presence, then a
 * ping whose reply marks the session as online (the server handles a session's stanzas in order,
 * so the reply proves the presence was processed too).
 *
 * <p>Negotiation uses the tree-building stream parser; once online, at the first point where that
 * parser holds no partial element, input goes to a {@link StanzaScanner} instead, which frames
 * stanzas by scanning bytes: the measured traffic then costs the generator far less than the server.
 *
 * <p>All state is confined to the channel's event loop; {@link #send} may be called from any thread.
 */
public final class XmppClient extends ChannelInboundHandlerAdapter implements XmlStreamHandler, StanzaScanner.Sink {

    /** What the connection is for: a full sign-in, or XEP-0077 registration then close. */
    enum Goal { SIGN_IN, REGISTER }

    private enum State { CONNECTING, FEATURES, STARTTLS, SASL, REGISTER, BIND, SESSION, BARRIER, ONLINE, CLOSED }

    private final ClientConfig config;
    private final String user;
    private final String password;
    private final Goal goal;
    private final SslContext ssl;
    private final SaltedPasswordCache saltCache;
    private final CompletableFuture<XmppClient> ready = new CompletableFuture<>();
    private final XmlStreamParser parser;
    private final Incoming incoming = new Incoming();
    private StanzaScanner scanner; // from ONLINE on
    private boolean scanning; // raw input goes to the scanner (the tree parser is done)
    private volatile StanzaListener listener;
    private volatile String jid;
    private Channel channel;
    private State state = State.CONNECTING;
    private boolean tlsDone;
    private boolean authenticated;
    private boolean sessionRequired;
    private ScramClient scram;
    private boolean scramVerified;
    private Runnable afterFeed;
    private long idCounter;
    private final long startNanos = System.nanoTime();
    private long onlineNanos;

    XmppClient(ClientConfig config, String user, String password, Goal goal, SslContext ssl,
               SaltedPasswordCache saltCache, StanzaListener listener) {
        this.config = config;
        this.user = user;
        this.password = password;
        this.goal = goal;
        this.ssl = ssl;
        this.saltCache = saltCache;
        this.listener = listener;
        this.parser = new XmlStreamParser(config.maxStanzaBytes());
    }

    public CompletableFuture<XmppClient> ready() {
        return ready;
    }

    public String user() {
        return user;
    }

    public String bareJid() {
        return user + "@" + config.domain();
    }

    /** The full JID the server bound, or null before bind. */
    public String jid() {
        return jid;
    }

    public boolean isOnline() {
        return state == State.ONLINE && channel.isActive();
    }

    /** Nanoseconds from connect to online. */
    public long signinNanos() {
        return onlineNanos - startNanos;
    }

    public void listener(StanzaListener l) {
        this.listener = l;
    }

    public void send(String xml) {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(ByteBufUtil.writeUtf8(ch.alloc(), xml), ch.voidPromise());
        }
    }

    public void send(Element stanza) {
        send(stanza.toXml(Namespaces.CLIENT));
    }

    /** Closes the stream politely; the channel goes when the server answers or after a second. */
    public void close() {
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.eventLoop().execute(() -> {
            if (state != State.CLOSED && ch.isActive()) {
                state = State.CLOSED;
                write("</stream:stream>");
                ch.eventLoop().schedule(() -> ch.close(), 1, TimeUnit.SECONDS);
            } else {
                ch.close();
            }
        });
    }

    public Channel channel() {
        return channel;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.executor().schedule(() -> {
            if (!ready.isDone()) {
                fail("timeout in state " + state);
            }
        }, config.signinTimeout().toMillis(), TimeUnit.MILLISECONDS);
        if (config.tls() == TlsMode.DIRECT) {
            SslHandler h = ssl.newHandler(ctx.alloc(), config.domain(), config.port());
            ctx.pipeline().addFirst("tls", h);
            tlsDone = true;
        }
        openStream();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (scanning) {
                scanner.feed(buf, this);
                return;
            }
            byte[] bytes = ByteBufUtil.getBytes(buf);
            parser.feed(bytes, 0, bytes.length, this);
            if (state == State.ONLINE && scanner != null && parser.isIdle()) {
                // Online (not merely past a stanza that arrived before the barrier's answer) and no
                // partial element is left in the tree parser: switch for good.
                scanning = true;
                parser.close();
            }
        } catch (XmlStreamException e) {
            fail("malformed XML from server: " + e.getMessage());
        } catch (RuntimeException e) {
            fail("client error: " + e);
        } finally {
            buf.release();
        }
        // Stream restarts change the parser and pipeline, which must not happen mid-feed.
        Runnable r = afterFeed;
        afterFeed = null;
        if (r != null) {
            r.run();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        fail("connection closed by server in state " + state);
        state = State.CLOSED;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail("connection error in state " + state + ": " + cause.getClass().getSimpleName());
        ctx.close();
    }

    @Override
    public void streamOpened(StreamHeader header) {
        if (state == State.CONNECTING) {
            state = State.FEATURES;
        }
    }

    @Override
    public void streamClosed() {
        if (state != State.CLOSED) {
            fail("server closed the stream in state " + state);
        }
        state = State.CLOSED;
        channel.close();
    }

    @Override
    public void element(Element e) {
        if (TRACE) {
            System.err.printf("%x %8.2f ms %s <- %s%n", System.identityHashCode(this), (System.nanoTime() - startNanos) / 1e6, state, e.name());
        }
        if (e.is("error", Namespaces.STREAM)) {
            Element cond = e.childInNamespace(Namespaces.STREAMS_ERRORS).orElse(null);
            fail("stream error " + (cond == null ? "?" : cond.name()));
            channel.close();
            return;
        }
        switch (state) {
            case FEATURES -> features(e);
            case STARTTLS -> starttls(e);
            case SASL -> sasl(e);
            case REGISTER -> registered(e);
            case BIND -> bound(e);
            case SESSION -> sessionDone(e);
            case BARRIER -> barrier(e);
            case ONLINE -> online(e);
            default -> { }
        }
    }

    private void features(Element f) {
        if (!f.is("features", Namespaces.STREAM)) {
            fail("expected stream features, got " + f.name());
            return;
        }
        if (!tlsDone) {
            if (f.child("starttls", Namespaces.TLS).isEmpty()) {
                fail("server offers no STARTTLS");
                return;
            }
            state = State.STARTTLS;
            write("<starttls xmlns='" + Namespaces.TLS + "'/>");
        } else if (goal == Goal.REGISTER && !authenticated) {
            state = State.REGISTER;
            Element query = Element.builder("query", Namespaces.REGISTER)
                    .textChild("username", user).textChild("password", password).build();
            write(Element.builder("iq", Namespaces.CLIENT).attribute("type", "set").attribute("id", "reg")
                    .child(query).build().toXml(Namespaces.CLIENT));
        } else if (!authenticated) {
            startSasl(f);
        } else {
            Element session = f.child("session", Namespaces.SESSION).orElse(null);
            sessionRequired = session != null && session.child("optional", Namespaces.SESSION).isEmpty();
            if (f.child("bind", Namespaces.BIND).isEmpty()) {
                fail("server offers no resource binding");
                return;
            }
            state = State.BIND;
            write("<iq type='set' id='bind'><bind xmlns='" + Namespaces.BIND + "'><resource>" + config.resource()
                    + "</resource></bind></iq>");
        }
    }

    private void starttls(Element e) {
        if (!e.is("proceed", Namespaces.TLS)) {
            fail("STARTTLS refused");
            return;
        }
        afterFeed = () -> {
            SslHandler h = ssl.newHandler(channel.alloc(), config.domain(), config.port());
            channel.pipeline().addFirst("tls", h);
            tlsDone = true;
            h.handshakeFuture().addListener(f -> {
                if (f.isSuccess()) {
                    restartStream();
                } else {
                    fail("TLS handshake failed: " + f.cause().getMessage());
                    channel.close();
                }
            });
        };
    }

    private void startSasl(Element f) {
        Element mechs = f.child("mechanisms", Namespaces.SASL).orElse(null);
        String wanted = config.mechanism().saslName();
        boolean offered = mechs != null && mechs.children("mechanism", Namespaces.SASL).stream()
                .anyMatch(m -> m.text().trim().equals(wanted));
        if (!offered) {
            fail("server does not offer " + wanted);
            return;
        }
        state = State.SASL;
        String initial;
        if (config.mechanism().isScram()) {
            byte[] nonce = new byte[18];
            ThreadLocalRandom.current().nextBytes(nonce); // a nonce, not a key: uniqueness is enough here
            scram = new ScramClient(config.mechanism(), user, password, Base64.getEncoder().encodeToString(nonce), saltCache);
            initial = scram.clientFirst();
        } else {
            initial = "\0" + user + "\0" + password;
        }
        write("<auth xmlns='" + Namespaces.SASL + "' mechanism='" + wanted + "'>" + b64(initial) + "</auth>");
    }

    private void sasl(Element e) {
        try {
            if (e.is("challenge", Namespaces.SASL) && scram != null) {
                String data = unb64(e.text());
                if (!scramVerified && (data.startsWith("v=") || data.startsWith("e="))) {
                    // Some servers send server-final as a challenge and expect an empty response.
                    scram.verifyServerFinal(data);
                    scramVerified = true;
                    write("<response xmlns='" + Namespaces.SASL + "'/>");
                } else {
                    write("<response xmlns='" + Namespaces.SASL + "'>" + b64(scram.clientFinal(data)) + "</response>");
                }
            } else if (e.is("success", Namespaces.SASL)) {
                if (scram != null && !scramVerified) {
                    scram.verifyServerFinal(unb64(e.text()));
                }
                authenticated = true;
                afterFeed = this::restartStream;
            } else if (e.is("failure", Namespaces.SASL)) {
                Element cond = e.elements().stream().filter(c -> !c.name().equals("text")).findFirst().orElse(null);
                fail("SASL failure " + (cond == null ? "?" : cond.name()));
            } else {
                fail("unexpected " + e.name() + " during SASL");
            }
        } catch (ScramClient.SaslException ex) {
            fail("SCRAM: " + ex.getMessage());
        }
    }

    private void registered(Element e) {
        if (!e.name().equals("iq") || !"reg".equals(e.attribute("id"))) {
            return;
        }
        if ("result".equals(e.attribute("type"))
                || e.child("error", Namespaces.CLIENT).flatMap(x -> x.child("conflict", Namespaces.STANZAS_ERRORS)).isPresent()) {
            online();
            close();
        } else {
            fail("registration refused: " + errorCondition(e));
        }
    }

    private void bound(Element e) {
        if (!e.name().equals("iq") || !"bind".equals(e.attribute("id"))) {
            return;
        }
        if (!"result".equals(e.attribute("type"))) {
            fail("bind failed: " + errorCondition(e));
            return;
        }
        jid = e.child("bind", Namespaces.BIND).map(b -> b.childText("jid", Namespaces.BIND)).orElse(null);
        if (sessionRequired) {
            state = State.SESSION;
            write("<iq type='set' id='sess'><session xmlns='" + Namespaces.SESSION + "'/></iq>");
        } else {
            afterSession();
        }
    }

    private void sessionDone(Element e) {
        if (e.name().equals("iq") && "sess".equals(e.attribute("id"))) {
            if ("result".equals(e.attribute("type"))) {
                afterSession();
            } else {
                fail("session failed: " + errorCondition(e));
            }
        }
    }

    private void afterSession() {
        state = State.BARRIER;
        if (config.initialPresence()) {
            write("<presence/>");
        }
        write("<iq type='get' id='barrier' to='" + config.domain() + "'><ping xmlns='" + Namespaces.PING + "'/></iq>");
    }

    private void barrier(Element e) {
        if (e.name().equals("iq") && "barrier".equals(e.attribute("id"))) {
            state = State.ONLINE;
            scanner = new StanzaScanner();
            online();
        } else {
            online(e);
        }
    }

    /** A stanza the tree parser built while online (before the switch to scanning): same path as scanned ones. */
    private void online(Element e) {
        if (scanner == null) {
            scanner = new StanzaScanner();
        }
        scanner.feed(e.toXml(Namespaces.CLIENT).getBytes(StandardCharsets.UTF_8), this);
    }

    /** A scanned top-level element (StanzaScanner.Sink). */
    @Override
    public void element(byte[] bytes, int start, int end) {
        Incoming in = incoming.wrap(bytes, start, end);
        if (TRACE) {
            System.err.printf("%x %8.2f ms %s <- %s%n", System.identityHashCode(this), (System.nanoTime() - startNanos) / 1e6, state, in);
        }
        if (in.is("stream:error")) {
            fail("stream error " + in);
            channel.close();
            return;
        }
        if (in.is("iq")) { // rare while measuring (pings, roster pushes): attribute strings are fine here
            String type = in.attribute("type");
            if ("get".equals(type) || "set".equals(type)) {
                answerIq(in);
            }
        }
        listener.stanza(this, in);
    }

    private static final byte[] ROSTER_NS = Namespaces.ROSTER.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PING_NS = Namespaces.PING.getBytes(StandardCharsets.US_ASCII);

    /** Acknowledges roster pushes and pings, refuses the rest, as RFC 6120 §8.2.3 asks. */
    private void answerIq(Incoming iq) {
        String id = iq.attribute("id");
        String from = iq.attribute("from");
        String to = from == null ? "" : " to='" + from + "'";
        if (iq.contains(ROSTER_NS) || iq.contains(PING_NS)) {
            write("<iq type='result' id='" + id + "'" + to + "/>");
        } else {
            write("<iq type='error' id='" + id + "'" + to + "><error type='cancel'><service-unavailable xmlns='"
                    + Namespaces.STANZAS_ERRORS + "'/></error></iq>");
        }
    }

    /** A fresh id for a stanza this client sends; call on the event loop or accept races in ids only. */
    public String nextId() {
        return Long.toString(++idCounter, 36);
    }

    private void restartStream() {
        parser.reset();
        state = State.CONNECTING;
        openStream();
    }

    private void openStream() {
        write("<?xml version='1.0'?><stream:stream to='" + config.domain() + "' version='1.0' xml:lang='en'"
                + " xmlns='" + Namespaces.CLIENT + "' xmlns:stream='" + Namespaces.STREAM + "'>");
    }

    private static final boolean TRACE = Boolean.getBoolean("parley.bench.trace");

    private void write(String s) {
        if (TRACE) {
            System.err.printf("%x %8.2f ms %s -> %.40s%n", System.identityHashCode(this), (System.nanoTime() - startNanos) / 1e6, state, s);
        }
        channel.writeAndFlush(ByteBufUtil.writeUtf8(channel.alloc(), s), channel.voidPromise());
    }

    private void online() {
        onlineNanos = System.nanoTime();
        ready.complete(this);
    }

    private void fail(String reason) {
        if (ready.completeExceptionally(new SigninException(reason)) && channel != null) {
            channel.close();
        }
    }

    private static String errorCondition(Element iq) {
        return iq.child("error", Namespaces.CLIENT)
                .flatMap(err -> err.childInNamespace(Namespaces.STANZAS_ERRORS))
                .map(Element::name).orElse("?");
    }

    private static String b64(String s) {
        return s.isEmpty() ? "=" : Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        String t = s.trim();
        return t.isEmpty() || t.equals("=") ? "" : new String(Base64.getDecoder().decode(t), StandardCharsets.UTF_8);
    }
}
