package org.parley.bench;

/** The bench accounts: usernames from a printf pattern and an index, one shared password. */
public record Accounts(String pattern, int first, String password) {

    public String user(int index) {
        return String.format(java.util.Locale.ROOT, pattern, first + index);
    }
}
