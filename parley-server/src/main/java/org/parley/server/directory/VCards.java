package org.parley.server.directory;

import java.util.Base64;
import org.parley.xml.Element;

/**
 * The vCard (XEP-0054 vcard-temp) of a directory user, made from the directory's attributes.
 * Sync writes it into the vcards table, so the vcard module serves it unchanged: for directory
 * users the directory is authoritative and a sync replaces what a client may have set.
 */
public final class VCards {

    static final String NAMESPACE = "vcard-temp";

    private final String domain;

    public VCards(String domain) {
        this.domain = domain;
    }

    /** The vCard XML for {@code user} (who must have a valid address, {@link DirectoryUser#account()}). */
    public String of(DirectoryUser user) {
        Element.Builder card = Element.builder("vCard", NAMESPACE);
        if (user.displayName() != null) {
            card.textChild("FN", user.displayName());
        }
        if (user.phone() != null) {
            card.child(Element.builder("TEL", NAMESPACE).child(Element.of("WORK", NAMESPACE))
                    .child(Element.of("VOICE", NAMESPACE)).textChild("NUMBER", user.phone()).build());
        }
        if (user.email() != null) {
            card.child(Element.builder("EMAIL", NAMESPACE).child(Element.of("INTERNET", NAMESPACE))
                    .textChild("USERID", user.email()).build());
        }
        // A user of another domain is named by their bare JID already (see AccountNames).
        card.textChild("JABBERID", user.account().indexOf('@') < 0 ? user.account() + "@" + domain : user.account());
        if (user.department() != null) {
            // XEP-0054's DTD requires ORGNAME before ORGUNIT; the directory holds no company name.
            card.child(Element.builder("ORG", NAMESPACE).child(Element.of("ORGNAME", NAMESPACE))
                    .textChild("ORGUNIT", user.department()).build());
        }
        if (user.photo() != null && user.photo().length > 0) {
            card.child(Element.builder("PHOTO", NAMESPACE).textChild("TYPE", "image/jpeg")
                    .textChild("BINVAL", Base64.getEncoder().encodeToString(user.photo())).build());
        }
        return card.build().toXml();
    }
}
