package org.parley.server.adhoc;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.Jid;
import org.parley.server.core.DiscoNode;
import org.parley.server.core.Features;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Ad-hoc commands (XEP-0050) at the server's domain: the command list through disco
 * ({@code node='http://jabber.org/protocol/commands'}), execute / next / prev / complete / cancel
 * with sessions, and the protocol's errors. Feature modules contribute commands with
 * {@link #register}; each command only answers stages ({@link AdHocCommand}).
 */
public final class AdHocModule implements Module {

    public static final String NAMESPACE = "http://jabber.org/protocol/commands";
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(10);

    private final Map<String, AdHocCommand> commands = new ConcurrentHashMap<>();
    private volatile CommandSessions sessions;
    private volatile DomainBareJid domain;
    private volatile Features features;

    /** Offers a command; may be called before or after start. */
    public void register(AdHocCommand command) {
        commands.put(command.node(), command);
        if (features != null) {
            features.addServerNode(command.node(), new CommandNode(command));
        }
    }

    @Override
    public void start(ModuleContext ctx) {
        domain = ctx.domain();
        sessions = new CommandSessions(ctx.scheduler(), SESSION_LIFETIME);
        ctx.features().addServerFeature(NAMESPACE);
        ctx.features().addServerNode(NAMESPACE, new CommandList());
        features = ctx.features();
        commands.values().forEach(c -> features.addServerNode(c.node(), new CommandNode(c)));
        ctx.handlers().iq(IqScope.SERVER, NAMESPACE, this::handle);
    }

    /** Open sessions (for tests and metrics). */
    public int openSessions() {
        return sessions.size();
    }

    private CompletionStage<Stanza> handle(Stanza iq) {
        Element command = iq.element().elements().get(0);
        if (!"set".equals(iq.type()) || !"command".equals(command.name())) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, null, "commands are iq set with <command/>");
        }
        CommandAction action = CommandAction.parse(command.attribute("action"));
        if (action == null) {
            return error(iq, StanzaErrorCondition.BAD_REQUEST, "malformed-action", "unknown action");
        }
        AdHocCommand cmd = command.attribute("node") == null ? null : commands.get(command.attribute("node"));
        if (cmd == null) {
            return error(iq, StanzaErrorCondition.ITEM_NOT_FOUND, null, "no such command");
        }
        if (!cmd.mayExecute(iq.from())) {
            return error(iq, StanzaErrorCondition.FORBIDDEN, null, "not allowed to run this command");
        }
        String sessionId = command.attribute("sessionid");
        Object state = null;
        if (sessionId == null) {
            if (action != CommandAction.EXECUTE) {
                return error(iq, StanzaErrorCondition.BAD_REQUEST, "bad-sessionid", "no session to " + action.xmlName());
            }
            sessionId = sessions.newId();
        } else {
            CommandSessions.Session s = sessions.take(sessionId);
            if (s == null || !s.node().equals(cmd.node()) || !s.requester().equals(iq.from())) {
                if (s != null) {
                    sessions.put(s.id(), s.node(), s.requester(), s.state(), s.actions()); // not this requester's
                }
                return error(iq, StanzaErrorCondition.BAD_REQUEST, "bad-sessionid", "unknown or expired session");
            }
            if (action == CommandAction.CANCEL) {
                return CompletableFuture.completedFuture(Stanzas.result(iq,
                        reply(cmd.node(), sessionId, "canceled").build()));
            }
            // Plain execute in a session means "the default action" (§3.4); others must have been offered.
            if (action != CommandAction.EXECUTE && !s.actions().contains(action)) {
                sessions.put(s.id(), s.node(), s.requester(), s.state(), s.actions());
                return error(iq, StanzaErrorCondition.BAD_REQUEST, "bad-action", action.xmlName() + " is not offered");
            }
            state = s.state();
        }
        Element x = command.child("x", Namespaces.DATA_FORMS).orElse(null);
        DataForm form = x == null ? null : DataForm.parse(x);
        String id = sessionId;
        return cmd.execute(new CommandRequest(iq.from(), action, form, state))
                .thenApply(step -> answer(iq, cmd, id, step));
    }

    private Stanza answer(Stanza iq, AdHocCommand cmd, String sessionId, CommandStep step) {
        Element.Builder out = reply(cmd.node(), sessionId, step.completed() ? "completed" : "executing");
        if (!step.completed()) {
            sessions.put(sessionId, cmd.node(), iq.from(), step.state(), step.actions());
            Element.Builder actions = Element.builder("actions", NAMESPACE);
            if (step.defaultAction() != null) {
                actions.attribute("execute", step.defaultAction().xmlName());
            }
            for (CommandAction a : CommandAction.values()) {
                if (step.actions().contains(a) && a != CommandAction.EXECUTE && a != CommandAction.CANCEL) {
                    actions.child(Element.of(a.xmlName(), NAMESPACE));
                }
            }
            out.child(actions.build());
        }
        for (CommandStep.Note n : step.notes()) {
            out.child(Element.builder("note", NAMESPACE).attribute("type", n.type()).text(n.text()).build());
        }
        if (step.form() != null) {
            out.child(step.form().toElement());
        }
        return Stanzas.result(iq, out.build());
    }

    private static Element.Builder reply(String node, String sessionId, String status) {
        return Element.builder("command", NAMESPACE)
                .attribute("node", node).attribute("sessionid", sessionId).attribute("status", status);
    }

    /** An error with XEP-0050's specific condition (§4.6) beside the generic one. */
    private static CompletionStage<Stanza> error(Stanza iq, StanzaErrorCondition condition, String specific, String text) {
        Stanza e = Stanzas.error(iq, condition, text);
        if (specific != null) {
            Element root = e.element();
            Element error = root.child("error", Namespaces.CLIENT).orElseThrow();
            Element withSpecific = error.withChild(Element.of(specific, NAMESPACE));
            e = Stanza.of(root.withoutChildren(c -> c.name().equals("error")).withChild(withSpecific));
        }
        return CompletableFuture.completedFuture(e);
    }

    /** The disco view: the command list node and each command's own node. */
    private final class CommandList implements DiscoNode {

        @Override
        public Element info(Jid requester) {
            return Element.builder("query", Namespaces.DISCO_INFO).attribute("node", NAMESPACE)
                    .child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "automation")
                            .attribute("type", "command-list").attribute("name", "Commands").build())
                    .build();
        }

        @Override
        public Element items(Jid requester) {
            Element.Builder query = Element.builder("query", Namespaces.DISCO_ITEMS).attribute("node", NAMESPACE);
            commands.values().stream()
                    .filter(c -> c.mayExecute(requester))
                    .sorted((a, b) -> a.node().compareTo(b.node()))
                    .forEach(c -> query.child(Element.builder("item", Namespaces.DISCO_ITEMS)
                            .attribute("jid", domain.toString()).attribute("node", c.node())
                            .attribute("name", c.name()).build()));
            return query.build();
        }
    }

    /** XEP-0050 §2.2: a command's node answers disco#info as a command-node that takes data forms. */
    private static final class CommandNode implements DiscoNode {

        private final AdHocCommand command;

        CommandNode(AdHocCommand command) {
            this.command = command;
        }

        @Override
        public Element info(Jid requester) {
            Element.Builder query = Element.builder("query", Namespaces.DISCO_INFO).attribute("node", command.node())
                    .child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "automation")
                            .attribute("type", "command-node").attribute("name", command.name()).build());
            for (String var : new String[] {NAMESPACE, Namespaces.DATA_FORMS}) {
                query.child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", var).build());
            }
            return query.build();
        }

        @Override
        public Element items(Jid requester) {
            return Element.builder("query", Namespaces.DISCO_ITEMS).attribute("node", command.node()).build();
        }
    }
}
