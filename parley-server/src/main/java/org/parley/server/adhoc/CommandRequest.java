package org.parley.server.adhoc;

import org.jxmpp.jid.Jid;

/**
 * One stage of a command as the command sees it: who asks, which action, the submitted form (or
 * null) and the state the command kept from its previous stage (null at the first).
 */
public record CommandRequest(Jid requester, CommandAction action, DataForm form, Object state) {
}
