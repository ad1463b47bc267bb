package org.parley.server.c2s;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.concurrent.EventExecutor;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.InvalidStanzaException;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.parley.xml.StreamErrorCondition;
import org.parley.xml.StreamHeader;
import org.parley.xml.XmlStreamException;
import org.parley.xml.XmlStreamHandler;
import org.parley.xml.XmlStreamParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: feeds bytes to the XML stream parser and runs RFC 6120 negotiation
 * (stream header → STARTTLS → SASL → stream restart → bind), then hands stanzas to the router
 * with 'from' stamped. Runs only on its channel's event loop.
 *
 * <p>What an idle bound connection holds here: this handler (a dozen fields), its parser (about
 * 3.5 KB of Aalto reader state between stanzas, dropped after a second of silence: see
 * {@link Liveness}), the {@link ClientSession} (an empty {@link Outbound} queue), and
 * no buffers: reads are released after parsing, features are shared bytes, and SASL state
 * exists only during an exchange. The channel and its TLS engine add Netty's own cost.
 */
final class ClientConnection extends ChannelDuplexHandler implements XmlStreamHandler {

    private static final Logger log = LoggerFactory.getLogger(ClientConnection.class);
    /** A peer that does not read our closing stream error is cut off after this long. */
    private static final long FORCED_CLOSE_SECONDS = 10;

    private enum Stage {
        /** Waiting for the client's stream header (at start and after each restart). */
        HEADER,
        /** Stream open: negotiating or exchanging stanzas, see username/session. */
        OPEN,
        /** An answer (SASL step, bind, registration) is pending; input is held. */
        WAITING,
        CLOSED
    }

    private final C2sServices services;
    private ChannelHandlerContext ctx;
    private XmlStreamParser parser;
    private Stage stage = Stage.HEADER;
    private boolean headerSent; // our header of the current stream
    private String username; // after SASL success: the localpart, in streamDomain
    private DomainBareJid streamDomain; // the served domain the client's header asked for
    private final SaslNegotiation sasl;
    private ClientSession session; // after bind
    private final HeldElements held = new HeldElements(); // while WAITING
    // Read by the Liveness sweep on another thread; written on the event loop.
    private volatile long lastInput = System.nanoTime();
    private volatile long lastOutput = lastInput;
    private volatile long lastPing = lastInput;
    private volatile boolean parserAsleep; // the parser dropped its reader; the next read wakes it

    ClientConnection(C2sServices services) {
        this.services = services;
        this.sasl = new SaslNegotiation(this, services);
    }

    static boolean isSecure(Channel channel) {
        return channel.pipeline().get(SslHandler.class) != null;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
        this.parser = new XmlStreamParser(services.c2s().maxStanzaBytes());
    }

    // ---- input ----

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        ByteBuf buf = (ByteBuf) msg;
        try {
            if (stage == Stage.CLOSED || !buf.isReadable()) {
                return;
            }
            int length = buf.readableBytes();
            byte[] bytes;
            int offset;
            if (buf.hasArray()) {
                bytes = buf.array();
                offset = buf.arrayOffset() + buf.readerIndex();
            } else {
                bytes = ByteBufUtil.getBytes(buf);
                offset = 0;
            }
            lastInput = System.nanoTime();
            if (parserAsleep) {
                parserAsleep = false;
            }
            parser.feed(bytes, offset, length, this);
        } catch (XmlStreamException e) {
            closeStream(e.condition(), e.getMessage());
        } catch (RuntimeException e) {
            log.warn("c2s {}: failed to handle input", remote(), e);
            closeStream(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        } finally {
            buf.release();
        }
    }

    @Override
    public void streamOpened(StreamHeader header) {
        // Any served domain may be asked for; after sign-in the stream stays in the account's domain.
        DomainBareJid requested = StreamHeaders.servedDomain(header, services.core().domains());
        StreamErrorCondition problem = StreamHeaders.problem(header,
                requested != null ? requested : services.core().domain());
        if (problem == null && username != null && !streamDomain.equals(requested)) {
            problem = StreamErrorCondition.HOST_UNKNOWN;
        }
        if (problem != null) {
            closeStream(problem, "Stream header refused: to=" + header.to() + " version=" + header.version()
                    + " namespace=" + header.defaultNamespace());
            return;
        }
        streamDomain = requested;
        ctx.channel().writeAndFlush(StreamHeaders.opening(ctx.alloc(),
                StreamHeaders.response(header, streamDomain, services.random()), currentFeatures()));
        headerSent = true;
        stage = Stage.OPEN;
    }

    private byte[] currentFeatures() {
        StreamFeatures features = services.features();
        if (username != null) {
            return features.binding();
        }
        if (secure()) {
            return features.authentication(services.channelBinding(ctx.channel()) != null);
        }
        return features.beforeTls();
    }

    @Override
    public void element(Element element) {
        log.trace("c2s {}: <{}> in stage {}", remote(), element.name(), stage);
        if (stage == Stage.OPEN) {
            dispatch(element);
        } else if (stage == Stage.WAITING) {
            hold(element);
        }
    }

    @Override
    public void streamClosed() {
        log.debug("c2s {}: client closed its stream", remote());
        closeStream(null, null);
    }

    private void dispatch(Element element) {
        if (session != null) {
            stanza(element);
        } else if (element.is("starttls", Namespaces.TLS)) {
            startTls();
        } else if (!secure() && services.tlsRequired()) {
            closeStream(StreamErrorCondition.POLICY_VIOLATION, "This server requires STARTTLS first");
        } else if (username == null) {
            beforeAuthentication(element);
        } else {
            beforeBinding(element);
        }
    }

    private void beforeAuthentication(Element element) {
        if (sasl.handle(element)) {
            return;
        }
        if (SessionStanzas.isStanza(element) && element.name().equals("iq")) {
            Stanza iq = parse(element);
            if (iq != null && InBandRegistration.isRegistration(iq)) {
                register(iq);
            } else if (iq != null) {
                closeStream(StreamErrorCondition.NOT_AUTHORIZED, "Sign in first");
            }
        } else {
            closeStream(StreamErrorCondition.NOT_AUTHORIZED, "Sign in first");
        }
    }

    private void beforeBinding(Element element) {
        if (SessionStanzas.isStanza(element) && element.name().equals("iq")) {
            Stanza iq = parse(element);
            if (iq != null && ResourceBinding.isBindRequest(iq)) {
                bind(iq);
                return;
            }
            if (iq == null) {
                return;
            }
        }
        closeStream(StreamErrorCondition.NOT_AUTHORIZED, "Bind a resource first");
    }

    /** The stanza, or null after answering a malformed one with a stanza error. */
    private Stanza parse(Element element) {
        try {
            return Stanza.parse(element, services.jids());
        } catch (InvalidStanzaException e) {
            if (!"error".equals(element.attribute("type"))) {
                // The bad address cannot be echoed back as one, so the reply carries none.
                Stanza addressless = Stanza.of(element.withAttribute("from", null).withAttribute("to", null));
                writeStanza(Stanzas.error(addressless, e.condition(), e.getMessage()));
            }
            return null;
        }
    }

    // ---- STARTTLS (RFC 6120 §5) ----

    private void startTls() {
        if (secure() || username != null || sasl.inProgress()) {
            write("<failure xmlns='" + Namespaces.TLS + "'/>");
            closeStream(null, null);
            return;
        }
        // startTls=true: the <proceed/> below is written in the clear, everything after it encrypted.
        SslHandler tls = new SslHandler(services.startTls().newEngine(ctx.alloc()), true);
        ctx.pipeline().addFirst("tls", tls);
        write("<proceed xmlns='" + Namespaces.TLS + "'/>");
        // A fresh parser: bytes that followed <starttls/> in the clear must not reach the
        // encrypted stream (the STARTTLS command-injection attack), so they are dropped with the old one.
        parser.close();
        parser = new XmlStreamParser(services.c2s().maxStanzaBytes());
        restart();
    }

    private boolean secure() {
        return isSecure(ctx.channel());
    }

    /** A new stream begins on the same connection (after TLS or SASL success). */
    private void restart() {
        stage = Stage.HEADER;
        headerSent = false;
        held.clear();
    }

    /** SASL succeeded (the success element is written): a fresh stream follows, RFC 6120 §6.4.6. */
    void authenticated(String account) {
        username = account;
        parser.reset();
        restart();
        resumeReading();
        log.debug("c2s {}: authenticated as {}", remote(), username);
    }

    // ---- in-band registration (XEP-0077), before sign-in ----

    private void register(Stanza iq) {
        await();
        InBandRegistration.answer(iq, services, streamDomain, secure()).thenAcceptAsync(reply -> {
            if (stage != Stage.CLOSED) {
                writeStanza(reply);
                resume();
            }
        }, ctx.executor());
    }

    // ---- resource binding (RFC 6120 §7) ----

    private void bind(Stanza iq) {
        EntityFullJid jid;
        try {
            jid = ResourceBinding.requestedJid(iq, username, streamDomain, services.random());
        } catch (StanzaErrorException e) {
            writeStanza(Stanzas.error(iq, e.condition(), e.getMessage()));
            return;
        }
        ClientSession bound = new ClientSession(jid, ctx.channel(), this,
                services.c2s().maxOutboundQueue(), services.maxOutboundBytes());
        session = bound;
        await();
        // The result goes out only once routing sees the session (UserHubs.attach completes then).
        services.core().hubs().attach(bound).whenCompleteAsync((done, failure) -> {
            if (stage == Stage.CLOSED) {
                return;
            }
            if (failure != null) {
                log.warn("c2s {}: binding {} failed", remote(), jid, failure);
                services.core().hubs().detach(bound);
                session = null;
                writeStanza(Stanzas.error(iq, StanzaErrorCondition.INTERNAL_SERVER_ERROR, null));
            } else {
                writeStanza(ResourceBinding.result(iq, jid));
                bound.open();
                log.debug("c2s {}: bound {}", remote(), jid);
            }
            resume();
        }, ctx.executor());
    }

    // ---- stanzas of a bound session ----

    private void stanza(Element element) {
        if (!SessionStanzas.isStanza(element)) {
            closeStream(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE,
                    "Not a stanza: <" + element.name() + " xmlns='" + element.namespace() + "'>");
            return;
        }
        Stanza stanza = parse(element);
        if (stanza == null) {
            return;
        }
        EntityFullJid jid = session.jid();
        if (SessionStanzas.claimsAnotherAddress(stanza, jid)) {
            closeStream(StreamErrorCondition.INVALID_FROM, "This stream is bound to " + jid);
            return;
        }
        stanza = stanza.withFrom(jid);
        Stanza answer = stanza.isIq() ? SessionStanzas.answerAtStream(stanza, streamDomain) : null;
        if (answer != null) {
            writeStanza(answer);
        } else {
            services.core().router().route(stanza);
        }
    }

    // ---- waiting for an answer ----

    /**
     * While an answer is pending, elements are held, and reading stops once one is (see
     * {@link #hold}): clients rarely pipeline, and turning reading off and on costs two epoll
     * system calls per answer, three answers per sign-in.
     */
    void await() {
        stage = Stage.WAITING;
    }

    /** The pending answer was written: handle held elements, then read again. */
    void resume() {
        if (stage == Stage.CLOSED) {
            return;
        }
        stage = Stage.OPEN;
        Element next;
        while (stage == Stage.OPEN && (next = held.poll()) != null) {
            dispatch(next);
        }
        resumeReading();
    }

    private void resumeReading() {
        if (stage != Stage.WAITING && stage != Stage.CLOSED) {
            ctx.channel().config().setAutoRead(ctx.channel().isWritable());
        }
    }

    private void hold(Element element) {
        if (!held.add(element)) {
            closeStream(StreamErrorCondition.POLICY_VIOLATION, "Too much input while an answer is pending");
            return;
        }
        ctx.channel().config().setAutoRead(false);
    }

    /** A client that does not read what we write is not read either, until it catches up. */
    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        resumeReading();
        context.fireChannelWritabilityChanged();
    }

    // ---- liveness (see Liveness) ----

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof SslHandshakeCompletionEvent handshake && !handshake.isSuccess()) {
            log.debug("c2s {}: TLS handshake failed: {}", remote(), handshake.cause().toString());
            context.close();
            return;
        }
        context.fireUserEventTriggered(event);
    }

    /** Every write passes here (ours and the session's): the time of the last one, for keepalives. */
    @Override
    public void write(ChannelHandlerContext context, Object msg, ChannelPromise promise) {
        lastOutput = System.nanoTime();
        context.write(msg, promise);
    }

    /** For the sweep (any thread, so a hint only): whether {@link #checkLiveness} has anything to do. */
    boolean livenessDue(long now, Liveness liveness) {
        return stage != Stage.CLOSED && liveness.anythingDue(now, lastInput, lastOutput, lastPing, session != null,
                headerSent, parserAsleep);
    }

    /** On the event loop: the idle timeout, a XEP-0199 ping, a whitespace keepalive, dropping the idle parser's reader. */
    void checkLiveness(long now, Liveness liveness) {
        if (stage == Stage.CLOSED) {
            return;
        }
        if (liveness.timedOut(now, lastInput)) {
            closeStream(StreamErrorCondition.CONNECTION_TIMEOUT,
                    "Nothing received for " + liveness.timeoutSeconds() + " seconds");
            return;
        }
        boolean open = session != null && stage == Stage.OPEN;
        if (open && liveness.pingDue(now, lastInput, lastPing)) {
            lastPing = now;
            // Its answer needs no matching: any byte from the client counts as input, and the router
            // drops the result as an unknown iq answer.
            writeStanza(SessionStanzas.ping(streamDomain, session.jid(), services.core().iqTracker().newId()));
        }
        if (headerSent && liveness.keepaliveDue(now, lastOutput)) {
            write(" "); // RFC 6120 §4.6.1 whitespace keepalive
        }
        if (open && !parserAsleep && now - lastInput >= Liveness.HIBERNATE_AFTER_NANOS) {
            parserAsleep = parser.hibernate();
        }
    }

    // ---- output and closing ----

    void write(String xml) {
        ctx.channel().writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), xml));
    }

    private void writeStanza(Stanza stanza) {
        write(stanza.toXml());
    }

    /**
     * Ends the stream: our header if not yet sent (RFC 6120 §4.9.1.1), the stream error when a
     * condition is given, the closing tag, then the TCP connection once that is flushed.
     */
    void closeStream(StreamErrorCondition condition, String text) {
        if (stage == Stage.CLOSED) {
            return;
        }
        ended(); // what the session queued goes out before the closing tag, then nothing
        Channel channel = ctx.channel();
        if (condition != null) {
            log.info("c2s {}{}: stream error {}: {}", remote(), session == null ? "" : " " + session.jid(),
                    condition.elementName(), text);
        }
        if (!channel.isActive()) {
            return;
        }
        String end = StreamHeaders.closing(headerSent ? null : streamDomain != null ? streamDomain
                : services.core().domain(), services.random(), condition, text);
        channel.config().setAutoRead(false);
        channel.writeAndFlush(ByteBufUtil.writeUtf8(ctx.alloc(), end)).addListener(ChannelFutureListener.CLOSE);
        channel.eventLoop().schedule(() -> {
            channel.close();
        }, FORCED_CLOSE_SECONDS, TimeUnit.SECONDS);
    }

    private void ended() {
        stage = Stage.CLOSED;
        held.clear();
        sasl.abandon();
        parser.close();
        if (session != null) {
            session.streamClosing();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        ended();
        if (session != null) {
            services.core().hubs().detach(session);
        }
        log.debug("c2s {}: connection closed", remote());
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        if (cause instanceof IOException || cause instanceof SSLException
                || cause.getCause() instanceof SSLException) {
            // The transport broke (reset, TLS alert): no stream is left to carry an error.
            log.debug("c2s {}: connection failed: {}", remote(), cause.toString());
            context.close();
        } else {
            log.warn("c2s {}: unexpected failure", remote(), cause);
            closeStream(StreamErrorCondition.INTERNAL_SERVER_ERROR, null);
        }
    }

    InetAddress remoteAddress() {
        return ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    }

    SocketAddress remote() {
        return ctx.channel().remoteAddress();
    }

    Channel channel() {
        return ctx.channel();
    }

    EventExecutor executor() {
        return ctx.executor();
    }

    DomainBareJid streamDomain() {
        return streamDomain;
    }

    boolean closed() {
        return stage == Stage.CLOSED;
    }
}
