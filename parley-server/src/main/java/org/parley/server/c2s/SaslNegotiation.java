package org.parley.server.c2s;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.parley.server.auth.SaslFailure;
import org.parley.server.auth.SaslServerSession;
import org.parley.server.auth.SaslStep;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StreamErrorCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SASL part of one client connection's negotiation (RFC 6120 §6): auth, challenges and
 * responses, abort, the failure count and the throttled answer to a wrong password. It lives as
 * long as its connection, on the connection's event loop, and holds an exchange only while one
 * runs. The connection holds its input while a step is evaluated (the answer may come from the
 * database or the directory) and resumes it when the answer is written.
 */
final class SaslNegotiation {

    private static final Logger log = LoggerFactory.getLogger(SaslNegotiation.class);

    private final ClientConnection connection;
    private final C2sServices services;
    private SaslServerSession exchange; // during an exchange only
    private int failures;

    SaslNegotiation(ClientConnection connection, C2sServices services) {
        this.connection = connection;
        this.services = services;
    }

    /** Handles {@code auth}, {@code response} and {@code abort}; false for any other element. */
    boolean handle(Element element) {
        if (element.is("auth", Namespaces.SASL)) {
            start(element);
        } else if (element.is("response", Namespaces.SASL)) {
            respond(element);
        } else if (element.is("abort", Namespaces.SASL)) {
            failed(SaslFailure.ABORTED, null);
        } else {
            return false;
        }
        return true;
    }

    boolean inProgress() {
        return exchange != null;
    }

    /** The connection ended: a queued directory check for this client need not run. */
    void abandon() {
        if (exchange != null) {
            exchange.abandon();
        }
        exchange = null;
    }

    private void start(Element auth) {
        if (exchange != null) {
            failed(SaslFailure.MALFORMED_REQUEST, "An authentication exchange is already in progress");
            return;
        }
        String mechanism = auth.attribute("mechanism");
        var started = services.startSasl(mechanism, connection.channel(), connection.streamDomain());
        if (started.isEmpty()) {
            failed(SaslFailure.INVALID_MECHANISM, "Not offered: " + mechanism);
            return;
        }
        byte[] initial;
        try {
            initial = SaslElements.data(auth);
        } catch (IllegalArgumentException e) {
            failed(SaslFailure.INCORRECT_ENCODING, "The initial response is not base64");
            return;
        }
        exchange = started.get();
        if (initial == null) {
            // No initial response: an empty challenge asks for it (RFC 6120 §6.4.2).
            connection.write("<challenge xmlns='" + Namespaces.SASL + "'/>");
            return;
        }
        evaluate(initial);
    }

    private void respond(Element response) {
        if (exchange == null) {
            failed(SaslFailure.MALFORMED_REQUEST, "No authentication exchange is in progress");
            return;
        }
        byte[] data;
        try {
            data = SaslElements.data(response);
        } catch (IllegalArgumentException e) {
            failed(SaslFailure.INCORRECT_ENCODING, "The response is not base64");
            return;
        }
        evaluate(data == null ? new byte[0] : data);
    }

    private void evaluate(byte[] data) {
        SaslServerSession current = exchange;
        connection.await();
        CompletionStage<SaslStep> step;
        try {
            step = current.evaluate(data);
        } catch (RuntimeException e) {
            step = CompletableFuture.failedFuture(e);
        }
        step.whenCompleteAsync((result, failure) -> answer(current, result, failure), connection.executor());
    }

    private void answer(SaslServerSession current, SaslStep step, Throwable failure) {
        if (connection.closed() || exchange != current) {
            return;
        }
        if (failure != null) {
            log.warn("c2s {}: SASL evaluation failed", connection.remote(), failure);
            failed(SaslFailure.TEMPORARY_AUTH_FAILURE, null);
        } else if (step instanceof SaslStep.Challenge challenge) {
            connection.write(SaslElements.challenge(challenge.data()));
            connection.resume();
        } else if (step instanceof SaslStep.Success success) {
            services.throttle().succeeded(connection.remoteAddress());
            exchange = null;
            connection.write(SaslElements.success(success.additionalData()));
            connection.authenticated(success.username());
        } else if (step instanceof SaslStep.Failure f) {
            if (f.condition() == SaslFailure.NOT_AUTHORIZED) {
                throttledFailure(f);
            } else {
                failed(f.condition(), f.text());
            }
        }
    }

    /**
     * A wrong password: recorded against the client's address, and the failure answer held back
     * by the throttle's delay (on the event loop's timer, never a sleep), which slows guessing.
     */
    private void throttledFailure(SaslStep.Failure failure) {
        InetAddress address = connection.remoteAddress();
        services.throttle().failed(address);
        Duration delay = services.throttle().delayFor(address);
        log.info("c2s {}: authentication failed: {}{}", connection.remote(), failure.text(),
                delay.isZero() ? "" : " (answer delayed " + delay.toMillis() + " ms)");
        if (delay.isZero()) {
            failed(failure.condition(), null);
            return;
        }
        SaslServerSession current = exchange;
        connection.executor().schedule(() -> {
            if (!connection.closed() && exchange == current) {
                failed(failure.condition(), null);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void failed(SaslFailure condition, String text) {
        exchange = null;
        failures++;
        connection.write(SaslElements.failure(condition, text));
        if (failures >= C2sServices.MAX_AUTH_ATTEMPTS) {
            connection.closeStream(StreamErrorCondition.POLICY_VIOLATION, "Too many failed authentication attempts");
            return;
        }
        connection.resume();
    }
}
