package org.parley.server.adhoc;

import java.util.Locale;

/** The actions of XEP-0050 §3 a requester may ask for. */
public enum CommandAction {
    EXECUTE, NEXT, PREV, COMPLETE, CANCEL;

    public String xmlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named in the request, EXECUTE when absent, null when unknown (malformed-action). */
    static CommandAction parse(String name) {
        if (name == null) {
            return EXECUTE;
        }
        for (CommandAction a : values()) {
            if (a.xmlName().equals(name)) {
                return a;
            }
        }
        return null;
    }
}
