package org.parley.server.core;

import java.util.concurrent.CompletionStage;
import org.parley.xml.Stanza;

/**
 * Answers an iq get/set. Returns the reply (a result, or an error built with
 * {@link org.parley.xml.Stanzas}); completing exceptionally with {@link StanzaErrorException}
 * answers with that error. Must not block: blocking work goes to the blocking pool.
 */
@FunctionalInterface
public interface IqHandler {

    CompletionStage<Stanza> handle(Stanza iq);
}
