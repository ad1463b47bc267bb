package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Locale;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VFreeBusy;
import net.fortuna.ical4j.model.property.FreeBusy;
import org.threeten.extra.Interval;

/**
 * What a VFREEBUSY (RFC 5545 §3.6.4) says about one instant: the strongest FREEBUSY period that
 * contains it. FBTYPE (§3.2.9) maps BUSY to busy, BUSY-TENTATIVE to tentative and
 * BUSY-UNAVAILABLE to out of office (how Exchange and Outlook publish an absence); an FBTYPE we
 * do not know counts as BUSY, as §3.2.9 requires. Periods are UTC, given as start/end or
 * start/duration; a FREEBUSY property may list several, comma-separated.
 */
public final class FreeBusyReader {

    /** Parses {@code ics} (a VCALENDAR holding VFREEBUSY components) and evaluates it at {@code now}. */
    public CalendarState stateAt(String ics, Instant now) throws IOException {
        Calendar calendar;
        try {
            calendar = new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new IOException("not a valid iCalendar free/busy answer: " + e.getMessage(), e);
        }
        CalendarState state = CalendarState.FREE;
        for (VFreeBusy fb : calendar.<VFreeBusy>getComponents(Component.VFREEBUSY)) {
            for (FreeBusy periods : fb.<FreeBusy>getProperties(Property.FREEBUSY)) {
                CalendarState meaning = meaning(periods);
                if (meaning != CalendarState.FREE && covers(periods, now)) {
                    state = state.strongest(meaning);
                }
            }
        }
        return state;
    }

    private static boolean covers(FreeBusy periods, Instant now) throws IOException {
        try {
            for (Interval i : periods.getIntervals()) {
                if (i.contains(now)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            throw new IOException("unreadable FREEBUSY period '" + periods.getValue() + "': " + e.getMessage(), e);
        }
    }

    static CalendarState meaning(FreeBusy periods) {
        String type = periods.getParameter(Parameter.FBTYPE).map(Parameter::getValue).orElse("BUSY");
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "FREE" -> CalendarState.FREE;
            case "BUSY-TENTATIVE" -> CalendarState.TENTATIVE;
            case "BUSY-UNAVAILABLE" -> CalendarState.OUT_OF_OFFICE;
            default -> CalendarState.BUSY;
        };
    }
}
