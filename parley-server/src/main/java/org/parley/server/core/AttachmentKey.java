package org.parley.server.core;

/**
 * A typed key for state a module keeps on a {@link UserHub} or {@link Resource}, so modules add
 * per-user state without the core knowing their types. Identity-compared: each module holds its own key.
 */
public final class AttachmentKey<T> {

    private final String name;

    public AttachmentKey(String name) {
        this.name = name;
    }

    @Override
    public String toString() {
        return name;
    }
}
