package org.parley.server.search;

/** One search hit: a user's username (JID localpart) and what the directory says about them (nullable). */
public record Contact(String username, String displayName, String email, String department) {
}
