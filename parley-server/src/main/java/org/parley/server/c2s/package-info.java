/**
 * The XMPP client interface (RFC 6120 over TCP): a Netty listener on the STARTTLS port and the
 * direct-TLS port (XEP-0368), and per connection the stream negotiation (stream header,
 * STARTTLS, SASL, resource binding) that ends in a bound {@link org.parley.server.c2s.ClientSession}
 * handing stanzas to the router.
 *
 * <p>Everything a connection owns is touched only on its channel's event loop; slow work (SASL
 * key checks, account creation, hub attachment) completes back on that loop.
 */
package org.parley.server.c2s;
