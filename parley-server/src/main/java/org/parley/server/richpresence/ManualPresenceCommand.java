package org.parley.server.richpresence;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.Jid;
import org.parley.server.adhoc.AdHocCommand;
import org.parley.server.adhoc.CommandAction;
import org.parley.server.adhoc.CommandRequest;
import org.parley.server.adhoc.CommandStep;
import org.parley.server.adhoc.DataForm;
import org.parley.server.core.StanzaErrorException;
import org.parley.server.presence.Availability;
import org.parley.server.presence.Show;
import org.parley.xml.StanzaErrorCondition;

/**
 * "Set manual presence" as an ad-hoc command at the domain, so any client with XEP-0050 support
 * can set or clear it: one form with {@code show} (dnd, away, available or clear) and
 * {@code status}. The status remembers the requesting resource (cleared when it signs out).
 */
final class ManualPresenceCommand implements AdHocCommand {

    static final String NODE = ManualMarker.NAMESPACE;
    static final String CLEAR = "clear";

    private final RichPresence service;
    private final DomainBareJid domain;

    ManualPresenceCommand(RichPresence service, DomainBareJid domain) {
        this.service = service;
        this.domain = domain;
    }

    @Override
    public String node() {
        return NODE;
    }

    @Override
    public String name() {
        return "Set manual presence";
    }

    @Override
    public boolean mayExecute(Jid requester) {
        return requester != null && requester.asEntityFullJidIfPossible() != null && requester.getDomain().equals(domain);
    }

    @Override
    public CompletionStage<CommandStep> execute(CommandRequest request) {
        EntityFullJid user = request.requester().asEntityFullJidIfPossible();
        if (request.form() == null || request.state() == null) {
            return CompletableFuture.completedFuture(CommandStep.form(form(service.inputs(user.asEntityBareJid()).manual()),
                    Boolean.TRUE));
        }
        if (request.action() != CommandAction.COMPLETE && request.action() != CommandAction.EXECUTE) {
            throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "only complete is offered");
        }
        String show = request.form().value("show");
        String status = request.form().value("status");
        if (CLEAR.equals(show)) {
            boolean had = service.clearManual(user.asEntityBareJid());
            return CompletableFuture.completedFuture(CommandStep.done(had ? "Manual presence cleared" : "No manual presence was set"));
        }
        Show chosen = switch (show == null ? "" : show) {
            case "dnd" -> Show.DND;
            case "away" -> Show.AWAY;
            case "available" -> Show.AVAILABLE;
            default -> throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST,
                    "show must be dnd, away, available or clear");
        };
        service.setManual(user.asEntityBareJid(),
                new ManualStatus(new Availability(chosen, status), user.getResourcepart()));
        return CompletableFuture.completedFuture(CommandStep.done("Manual presence set to " + Headline.showName(chosen)));
    }

    private static DataForm form(ManualStatus current) {
        String show = current == null ? "available" : Headline.showName(current.availability().show());
        String status = current == null ? null : current.availability().status();
        return DataForm.form("Manual presence",
                "Overrides the presence the server determines from your devices, phone and calendar "
                        + "until you clear it or sign out.",
                List.of(DataForm.Field.listSingle("show", "Show", show, List.of(
                                new DataForm.Option("Do not disturb", "dnd"),
                                new DataForm.Option("Away", "away"),
                                new DataForm.Option("Available", "available"),
                                new DataForm.Option("Clear manual presence", CLEAR))),
                        DataForm.Field.textSingle("status", "Status text", status)));
    }
}
