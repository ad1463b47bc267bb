package org.parley.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.jxmpp.stringprep.XmppStringPrepUtil;
import org.jxmpp.stringprep.rocksxmppprecis.RocksXmppPrecisStringprep;

/** Shared wiring for the SASL tests: PRECIS as the composition root sets it up. */
final class SaslTestSupport {

    static final byte[] DECOY_SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    private SaslTestSupport() {
    }

    static void usePrecis() {
        XmppStringPrepUtil.setXmppStringprep(RocksXmppPrecisStringprep.INSTANCE);
    }

    static SaslStep step(SaslServerSession session, byte[] data) throws Exception {
        return session.evaluate(data).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    static SaslStep step(SaslServerSession session, String data) throws Exception {
        return step(session, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] challenge(SaslStep step) {
        if (!(step instanceof SaslStep.Challenge challenge)) {
            throw new AssertionError("expected a challenge, got " + step);
        }
        return challenge.data();
    }
}
