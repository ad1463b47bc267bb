package org.parley.server.search;

import java.util.List;
import org.parley.server.core.Component;
import org.parley.server.core.Router;
import org.parley.server.storage.BlockingPool;
import org.parley.xml.Element;
import org.parley.xml.Namespaces;
import org.parley.xml.Stanza;
import org.parley.xml.StanzaErrorCondition;
import org.parley.xml.Stanzas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact search service (XEP-0055) at {@code search.<domain>}: answers disco#info, the
 * search form, and searches (on the blocking pool; the live directory may be slow), capped at
 * {@code search.maxResults}. Any other iq gets service-unavailable; messages and presence are ignored.
 */
public final class SearchComponent implements Component {

    private static final Logger log = LoggerFactory.getLogger(SearchComponent.class);

    private final String domain;
    private final String userDomain;
    private final Router router;
    private final BlockingPool blocking;
    private final ContactSearch search;
    private final int maxResults;

    /** The service of the default domain, {@code search.<userDomain>}. */
    public SearchComponent(String userDomain, Router router, BlockingPool blocking, ContactSearch search,
                           int maxResults) {
        this(userDomain, userDomain, router, blocking, search, maxResults);
    }

    /**
     * The service at {@code search.<hostDomain>}. Every served domain has one, and each searches
     * the whole directory (colleagues are found whatever their domain).
     *
     * @param userDomain the default domain, whose users' JIDs results build from their usernames
     */
    public SearchComponent(String hostDomain, String userDomain, Router router, BlockingPool blocking,
                           ContactSearch search, int maxResults) {
        this.domain = "search." + hostDomain;
        this.userDomain = userDomain;
        this.router = router;
        this.blocking = blocking;
        this.search = search;
        this.maxResults = maxResults;
    }

    @Override
    public String domain() {
        return domain;
    }

    @Override
    public void receive(Stanza stanza) {
        if (!stanza.isIqRequest() || stanza.from() == null) {
            return;
        }
        List<Element> payload = stanza.element().elements();
        Element query = payload.size() == 1 ? payload.get(0) : null;
        boolean get = "get".equals(stanza.type());
        if (query != null && get && query.is("query", Namespaces.DISCO_INFO)) {
            reply(Stanzas.result(stanza, discoInfo()));
        } else if (query != null && query.is("query", SearchForms.NAMESPACE)) {
            if (get) {
                reply(Stanzas.result(stanza, SearchForms.form(maxResults)));
            } else {
                search(stanza, query);
            }
        } else {
            reply(Stanzas.error(stanza, StanzaErrorCondition.SERVICE_UNAVAILABLE, null));
        }
    }

    private void search(Stanza request, Element query) {
        SearchCriteria criteria = SearchForms.criteria(query);
        if (criteria.isEmpty()) {
            reply(Stanzas.error(request, StanzaErrorCondition.BAD_REQUEST, "Fill in at least one search field"));
            return;
        }
        boolean form = SearchForms.isDataForm(query);
        blocking.supply(() -> search.search(criteria, maxResults)).whenComplete((contacts, error) -> {
            if (error != null) {
                log.warn("contact search failed: {}", error.toString());
                reply(Stanzas.error(request, StanzaErrorCondition.INTERNAL_SERVER_ERROR,
                        "The directory cannot be searched right now"));
                return;
            }
            reply(Stanzas.result(request, form ? SearchForms.formResult(contacts, userDomain)
                    : SearchForms.legacyResult(contacts, userDomain)));
        });
    }

    private void reply(Stanza reply) {
        router.route(reply);
    }

    private static Element discoInfo() {
        return Element.builder("query", Namespaces.DISCO_INFO)
                .child(Element.builder("identity", Namespaces.DISCO_INFO).attribute("category", "directory")
                        .attribute("type", "user").attribute("name", "Contact search").build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", Namespaces.DISCO_INFO).build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", Namespaces.DATA_FORMS).build())
                .child(Element.builder("feature", Namespaces.DISCO_INFO).attribute("var", SearchForms.NAMESPACE).build())
                .build();
    }
}
