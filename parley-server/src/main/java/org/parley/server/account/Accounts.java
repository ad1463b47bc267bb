package org.parley.server.account;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The accounts of this server, as modules see them. Every call completes off the caller's thread
 * (storage and password hashing run on the blocking pool); a bad username or password fails with
 * {@link InvalidAccountException}, storage trouble with a StorageException.
 */
public interface Accounts {

    /** Whether an enabled account with this (normalised) username exists. */
    CompletableFuture<Boolean> exists(String username);

    /** Creates an account; false when the name is taken. */
    CompletableFuture<Boolean> create(String username, String password);

    /** Sets a new password; false when there is no such account. */
    CompletableFuture<Boolean> changePassword(String username, String password);

    /** Deletes an account and all its data, ending its sessions; false when there was none. */
    CompletableFuture<Boolean> delete(String username);

    CompletableFuture<List<String>> list();
}
