package org.parley.server.version;

import java.util.concurrent.CompletableFuture;
import org.parley.server.core.IqScope;
import org.parley.server.core.Module;
import org.parley.server.core.ModuleContext;
import org.parley.server.core.StanzaErrorException;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;

/**
 * Software version (XEP-0092) of the server. The operating system is left out unless
 * {@code version.showOs} is true: XEP-0092 §5 notes that it helps an attacker pick exploits, and
 * an operator who wants it shown can say so.
 */
public final class VersionModule implements Module {

    static final String NAME = "Parley";

    private final ParleyVersion version;

    public VersionModule() {
        this(ParleyVersion.ofThisBuild());
    }

    public VersionModule(ParleyVersion version) {
        this.version = version;
    }

    @Override
    public void start(ModuleContext ctx) {
        Element.Builder query = Element.builder("query", Namespaces.VERSION)
                .textChild("name", NAME)
                .textChild("version", version.version());
        if (ctx.config().version().showOs()) {
            query.textChild("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
        Element reply = query.build();
        ctx.features().addServerFeature(Namespaces.VERSION);
        ctx.handlers().iq(IqScope.SERVER, Namespaces.VERSION, iq -> {
            if (!"get".equals(iq.type())) {
                throw new StanzaErrorException(StanzaErrorCondition.BAD_REQUEST, "jabber:iq:version is get only");
            }
            return CompletableFuture.completedFuture(Stanzas.result(iq, reply));
        });
    }
}
