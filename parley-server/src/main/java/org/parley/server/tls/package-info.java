/**
 * TLS for client and server streams: the server's certificate and key (loaded from PEM files,
 * or a self-signed one generated at first start), the Netty {@code SslContext} built from them,
 * and the channel-binding data that SCRAM-*-PLUS checks.
 */
package org.parley.server.tls;
