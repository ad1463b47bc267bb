package org.parley.server.message;

import java.util.List;
import org.parley.server.core.Resource;
import org.parley.server.core.UserHub;
import org.parley.xml.Stanza;

/**
 * A message for a local user was handed to some of its resources under RFC 6121 §8.5; published
 * on the user's hub executor, so listeners (carbons) see the same resources the delivery saw.
 * {@code recipients} are the resources that got the original.
 */
public record MessageDelivered(UserHub hub, Stanza message, List<Resource> recipients) {

    public MessageDelivered {
        recipients = List.copyOf(recipients);
    }
}
