package org.parley.bench;

import java.time.Duration;

/**
 * What every connection of a run shares: where the server is and how to negotiate with it.
 *
 * @param resource        the resource asked for at bind (the server may assign another)
 * @param signinTimeout   a sign-in not online by then counts as a failure ("timeout in state …")
 * @param initialPresence send {@code <presence/>} after bind, as a real client does
 */
public record ClientConfig(String host, int port, String domain, TlsMode tls, SaslMechanism mechanism,
                           String resource, Duration signinTimeout, boolean initialPresence, int maxStanzaBytes) {
}
