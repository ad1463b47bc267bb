package org.parley.server.auth;

import java.util.concurrent.CompletionStage;

/**
 * One SASL exchange on the server side. Not thread-safe: call {@link #evaluate} again only
 * after the previous stage completed and was handed back to the connection's executor.
 */
public interface SaslServerSession {

    /**
     * Evaluates the next client message, already base64-decoded. The first call gets the initial
     * response (empty when the client sent none or "="). After a {@link SaslStep.Success} or
     * {@link SaslStep.Failure} the exchange is over and further calls fail with
     * malformed-request.
     */
    CompletionStage<SaslStep> evaluate(byte[] clientData);

    /**
     * The client went away while a step was pending: a credential check still waiting for its
     * turn (a directory bind) need not run. Any thread; harmless when nothing is pending.
     */
    default void abandon() {
    }
}
