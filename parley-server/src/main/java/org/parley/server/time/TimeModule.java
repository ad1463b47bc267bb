package org.parley.server.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/** Entity time (XEP-0202): the server's UTC time and its offset, from the core's clock. */
public final class TimeModule implements Module {

    /** XEP-0082 time zone offset: always [+-]hh:mm, so UTC is +00:00 rather than Z. */
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    @Override
    public void start(ModuleContext ctx) {
        Clock clock = ctx.clock();
        ctx.features().addServerFeature(Namespaces.TIME);
        ctx.handlers().iq(IqScope.SERVER, Namespaces.TIME, iq -> {
            if (!"get".equals(iq.type())) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "urn:xmpp:time is get only");
            }
            return CompletableFuture.completedFuture(Stanzas.result(iq, time(clock)));
        });
    }

    static Element time(Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ZoneOffset offset = clock.getZone().getRules().getOffset(now);
        return Element.builder("time", Namespaces.TIME)
                .textChild("tzo", OFFSET.format(offset))
                .textChild("utc", now.toString()) // ISO 8601 in UTC with Z, as XEP-0082 DateTime
                .build();
    }
}
