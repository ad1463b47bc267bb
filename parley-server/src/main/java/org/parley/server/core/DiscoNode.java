package org.parley.server.core;

import org.jxmpp.jid.Jid;
import org.parley.xml.Element;

/**
 * A service-discovery node the server publishes (XEP-0030 §3.2, §4.2), such as the ad-hoc
 * command list: what disco#info and disco#items with {@code node='...'} sent to the domain answer.
 * Both return the whole {@code <query/>} element (with its node attribute) for that requester.
 */
public interface DiscoNode {

    Element info(Jid requester);

    Element items(Jid requester);
}
