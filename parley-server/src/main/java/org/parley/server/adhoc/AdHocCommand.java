package org.parley.server.adhoc;

import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.Jid;

/**
 * One ad-hoc command (XEP-0050) the server offers at its domain. The framework
 * ({@link AdHocModule}) keeps the sessions, checks actions and builds the protocol; a command only
 * answers stages. {@link #execute} is called for the first stage (action execute, no session) and
 * for every later one, with the state the previous stage returned.
 */
public interface AdHocCommand {

    /** The command's node, unique on the server. */
    String node();

    /** A human-readable name, shown in command lists. */
    String name();

    /** Whether this requester may see and run the command (default: any local user). */
    boolean mayExecute(Jid requester);

    CompletionStage<CommandStep> execute(CommandRequest request);
}
