package org.parley.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.server.testing.RawClient;
import org.parley.server.testing.TestServer;

/**
 * c2s/StreamErrorTest checks each bad input's stream error and that a new client can sign in
 * afterwards; this checks the other half of "leaves the server serving others": sessions already
 * open on the full server go on chatting while one client after another misbehaves.
 */
class BadClientsTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.builder().allModules().set("c2s.maxStanzaBytes=4096").start();
        server.createUser("alice");
        server.createUser("bob");
        server.createUser("mallory");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void openSessionsKeepChattingThroughEachKindOfBadInput() throws Exception {
        XMPPTCPConnection alice = server.signIn("alice", "desk");
        XMPPTCPConnection bob = server.signIn("bob", "desk");
        Inbox bobInbox = Inbox.of(bob);
        Clients.available(alice);
        Clients.available(bob);

        try (RawClient c = server.raw()) {
            c.signIn("mallory", "malformed");
            c.send("<message to='bob@localhost'><body>oops</message>");
            assertThat(c.readUntilClosed()).contains("<not-well-formed");
        }
        Clients.chat(alice, bob.getUser(), "after malformed XML");
        bobInbox.awaitBody("after malformed XML");

        try (RawClient c = server.raw()) {
            c.signIn("mallory", "oversized");
            c.send("<message to='bob@localhost'><body>" + "x".repeat(8000) + "</body></message>");
            assertThat(c.readUntilClosed()).contains("<policy-violation");
        }
        Clients.chat(alice, bob.getUser(), "after an oversized stanza");
        bobInbox.awaitBody("after an oversized stanza");

        try (RawClient c = server.raw()) {
            c.send("<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]>"
                    + c.header());
            assertThat(c.readUntilClosed()).contains("<restricted-xml");
        }
        Clients.chat(alice, bob.getUser(), "after entity expansion");
        bobInbox.awaitBody("after entity expansion");

        try (RawClient c = server.raw()) {
            c.signIn("mallory", "dropped");
            c.send("<message to='bob@localhost'><body>half a sta");
        }
        Clients.chat(alice, bob.getUser(), "after a dropped connection");
        bobInbox.awaitBody("after a dropped connection");

        assertThat(bobInbox.bodies()).containsExactly("after malformed XML", "after an oversized stanza",
                "after entity expansion", "after a dropped connection");
        assertThat(alice.isAuthenticated()).isTrue();
    }
}
