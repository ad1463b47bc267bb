package org.parley.server.c2s;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.parley.server.config.ParleyConfig;

/**
 * Keeps every client connection of a listener alive, or ends it, from one periodic sweep: a
 * XEP-0199 ping after {@code c2s.pingIntervalSeconds} of silence from the client (repeated while
 * it stays silent), a whitespace keepalive (RFC 6120 §4.6.1) when we wrote nothing for half that,
 * a {@code connection-timeout} after {@code c2s.idleTimeoutSeconds} of silence, and the parser's
 * reader dropped after a second of silence (see {@link org.parley.xml.XmlStreamParser#hibernate()}).
 *
 * <p>Why a sweep rather than Netty's idle handlers: those are two handlers, their contexts and
 * three scheduled timer tasks per connection (about 650 bytes of heap per idle session), timers
 * set up and torn down at every sign-in and a listener on every write. Here each connection
 * keeps three timestamps; one task per listener reads them (volatile reads) and sends work only
 * to the loops of connections that have something due, where it is checked again.
 */
final class Liveness implements AutoCloseable {

    static final long HIBERNATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ChannelGroup clients;
    private final long pingNanos;
    private final long keepaliveNanos;
    private final long timeoutNanos;
    private final ScheduledFuture<?> sweep;

    Liveness(ChannelGroup clients, EventLoopGroup loops, ParleyConfig.C2s settings) {
        this.clients = clients;
        this.pingNanos = TimeUnit.SECONDS.toNanos(settings.pingIntervalSeconds());
        // A space when we wrote nothing for half the ping interval keeps NAT and firewall state
        // alive between pings.
        this.keepaliveNanos = TimeUnit.SECONDS.toNanos(Math.max(1, settings.pingIntervalSeconds() / 2));
        this.timeoutNanos = TimeUnit.SECONDS.toNanos(settings.idleTimeoutSeconds());
        long period = periodMillis(Math.min(pingNanos, Math.min(keepaliveNanos, timeoutNanos)));
        this.sweep = loops.next().scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    /** A quarter of the shortest interval, between 100 ms and a second: late by at most that much. */
    static long periodMillis(long shortestNanos) {
        return Math.max(100, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(shortestNanos) / 4));
    }

    void sweep() {
        long now = System.nanoTime();
        for (Channel channel : clients) {
            ClientConnection connection = channel.pipeline().get(ClientConnection.class);
            if (connection != null && connection.livenessDue(now, this)) {
                channel.eventLoop().execute(() -> connection.checkLiveness(System.nanoTime(), this));
            }
        }
    }

    /** Whether a connection with these timestamps has a timeout, ping, keepalive or hibernation due. */
    boolean anythingDue(long now, long lastInput, long lastOutput, long lastPing, boolean bound, boolean headerSent,
                        boolean parserAsleep) {
        return timedOut(now, lastInput)
                || bound && pingDue(now, lastInput, lastPing)
                || headerSent && keepaliveDue(now, lastOutput)
                || bound && !parserAsleep && now - lastInput >= HIBERNATE_AFTER_NANOS;
    }

    boolean timedOut(long now, long lastInput) {
        return now - lastInput >= timeoutNanos;
    }

    /** Silent for a ping interval, and no ping sent for one either. */
    boolean pingDue(long now, long lastInput, long lastPing) {
        return now - lastInput >= pingNanos && now - lastPing >= pingNanos;
    }

    boolean keepaliveDue(long now, long lastOutput) {
        return now - lastOutput >= keepaliveNanos;
    }

    long timeoutSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
    }

    @Override
    public void close() {
        sweep.cancel(false);
    }
}
