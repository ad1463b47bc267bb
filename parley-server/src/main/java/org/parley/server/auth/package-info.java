/**
 * SASL server side for client sign-in: SCRAM-SHA-1/-256 with and without channel binding
 * (RFC 5802, RFC 7677), PLAIN (RFC 4616), and throttling of repeated failures.
 *
 * <p>Pure Java: no Netty and no database. Credentials come from a {@link
 * org.parley.server.auth.CredentialSource}, so JDBC and LDAP back-ends plug in; the transport
 * drives a {@link org.parley.server.auth.SaslServerSession} with decoded bytes and turns each
 * {@link org.parley.server.auth.SaslStep} into a challenge, success or failure element.
 */
package org.parley.server.auth;
