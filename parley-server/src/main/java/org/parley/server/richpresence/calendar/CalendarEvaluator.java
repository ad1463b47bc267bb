package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * What an iCalendar (RFC 5545) says about one instant: the strongest state among the events
 * happening then. ical4j expands recurrence rules (RRULE, RDATE, EXDATE) in the events' own
 * time zones (VTIMEZONE or TZID); modified instances (RECURRENCE-ID) replace the occurrence they
 * override. Transparent and cancelled events do not count; STATUS:TENTATIVE is tentative and
 * Outlook's X-MICROSOFT-CDO-BUSYSTATUS (FREE, TENTATIVE, BUSY, OOF) is honoured when present.
 */
public final class CalendarEvaluator {

    static final String MS_BUSY_STATUS = "X-MICROSOFT-CDO-BUSYSTATUS";

    /** Parses {@code ics} (one VCALENDAR) and evaluates it at {@code now}. */
    public CalendarState stateAt(String ics, Instant now) throws IOException {
        return stateAt(List.of(ics), now);
    }

    /** Several VCALENDAR objects (one per CalDAV resource), evaluated together. */
    public CalendarState stateAt(List<String> icsObjects, Instant now) throws IOException {
        CalendarState state = CalendarState.FREE;
        for (String ics : icsObjects) {
            state = state.strongest(evaluate(parse(ics), now));
        }
        return state;
    }

    private static Calendar parse(String ics) throws IOException {
        try {
            return new CalendarBuilder().build(new StringReader(ics));
        } catch (ParserException e) {
            throw new IOException("not a valid iCalendar object: " + e.getMessage(), e);
        }
    }

    private static CalendarState evaluate(Calendar calendar, Instant now) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        // Occurrences of a recurring master that a modified instance replaces, by UID.
        Map<String, Set<Instant>> overridden = new HashMap<>();
        for (VEvent e : events) {
            Optional<Property> rid = e.getProperty(Property.RECURRENCE_ID);
            if (rid.isPresent()) {
                Instant at = instant(e, Property.RECURRENCE_ID);
                if (at != null) {
                    overridden.computeIfAbsent(uid(e), u -> new HashSet<>()).add(at);
                }
            }
        }
        CalendarState state = CalendarState.FREE;
        for (VEvent e : events) {
            CalendarState meaning = meaning(e);
            if (meaning == CalendarState.FREE || !meaning.strongest(state).equals(meaning)) {
                continue;
            }
            boolean master = e.getProperty(Property.RECURRENCE_ID).isEmpty();
            Set<Instant> skip = master ? overridden.getOrDefault(uid(e), Set.of()) : Set.of();
            Set<Period<Temporal>> occurrences = e.calculateRecurrenceSet(window(e, now));
            for (Period<Temporal> p : occurrences) {
                Instant start = toInstant(p.getStart());
                Instant end = toInstant(p.getEnd());
                if (!skip.contains(start) && !now.isBefore(start) && now.isBefore(end)) {
                    state = meaning;
                    break;
                }
            }
        }
        return state;
    }

    /**
     * The query window around {@code now}, in the kind of date the event uses: ical4j compares
     * like with like, so an all-day event (DATE) needs a window of dates and a floating event one
     * of local times.
     */
    private static Period<? extends Temporal> window(VEvent e, Instant now) {
        Temporal start = e.getProperty(Property.DTSTART)
                .filter(p -> p instanceof net.fortuna.ical4j.model.property.DateProperty<?>)
                .map(p -> (Temporal) ((net.fortuna.ical4j.model.property.DateProperty<?>) p).getDate())
                .orElse(null);
        if (start instanceof LocalDate) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return new Period<>(today.minusDays(1), today.plusDays(2));
        }
        if (start instanceof LocalDateTime) {
            LocalDateTime local = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            return new Period<>(local, local.plusSeconds(1));
        }
        return new Period<>(ZonedDateTime.ofInstant(now, ZoneOffset.UTC), ZonedDateTime.ofInstant(now.plusSeconds(1), ZoneOffset.UTC));
    }

    /**
     * An occurrence bound as an instant: zoned times carry their zone; floating times and dates
     * (all-day events) have none, and are read in UTC.
     */
    static Instant toInstant(Temporal t) {
        if (t instanceof Instant i) {
            return i;
        }
        if (t instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (t instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (t instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (t instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        throw new IllegalArgumentException("unsupported date " + t);
    }

    /** What the event means while it happens. */
    static CalendarState meaning(VEvent e) {
        String transp = value(e, Property.TRANSP);
        String status = value(e, Property.STATUS);
        if ("TRANSPARENT".equalsIgnoreCase(transp) || "CANCELLED".equalsIgnoreCase(status)) {
            return CalendarState.FREE;
        }
        String ms = value(e, MS_BUSY_STATUS);
        if (ms != null) {
            switch (ms.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "OOF":
                    return CalendarState.OUT_OF_OFFICE;
                case "FREE":
                    return CalendarState.FREE;
                case "TENTATIVE":
                    return CalendarState.TENTATIVE;
                default:
                    break;
            }
        }
        return "TENTATIVE".equalsIgnoreCase(status) ? CalendarState.TENTATIVE : CalendarState.BUSY;
    }

    private static String value(VEvent e, String property) {
        return e.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static String uid(VEvent e) {
        String uid = value(e, Property.UID);
        return uid == null ? "" : uid;
    }

    /** A date or date-time property as an instant (dates and floating times read in UTC). */
    private static Instant instant(VEvent e, String property) {
        try {
            Property p = e.getProperty(property).orElseThrow();
            if (p instanceof net.fortuna.ical4j.model.property.DateProperty<?> d) {
                return toInstant(d.getDate());
            }
        } catch (RuntimeException ex) {
            return null;
        }
        return null;
    }
}
