package org.parley.server.richpresence.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jxmpp.jid.EntityBareJid;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * A CalDAV calendar collection per user (RFC 4791), e.g. {@code https://dav.example.com/{user}/calendar/}:
 * a calendar-query REPORT (§7.8) with a time-range filter around now asks the server for the
 * events that overlap it, recurring ones included (§9.9); the returned calendar data is then
 * evaluated like a feed, so modified instances, tentative and out-of-office are read the same way.
 */
public final class CalDavSource implements CalendarSource {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final CalendarHttp http;
    private final CalendarEvaluator evaluator = new CalendarEvaluator();

    public CalDavSource(CalendarHttp http) {
        this.http = http;
    }

    @Override
    public CalendarState stateAt(EntityBareJid user, Instant now) throws IOException, InterruptedException {
        String multistatus = http.send(user, "REPORT", query(now), "application/xml; charset=utf-8", "1", 207);
        if (multistatus == null) {
            return CalendarState.FREE;
        }
        return evaluator.stateAt(calendarData(multistatus), now);
    }

    static String query(Instant now) {
        return "<?xml version='1.0' encoding='utf-8'?>"
                + "<C:calendar-query xmlns:D='DAV:' xmlns:C='" + CALDAV + "'>"
                + "<D:prop><C:calendar-data/></D:prop>"
                + "<C:filter><C:comp-filter name='VCALENDAR'><C:comp-filter name='VEVENT'>"
                + "<C:time-range start='" + UTC.format(now) + "' end='" + UTC.format(now.plusSeconds(60)) + "'/>"
                + "</C:comp-filter></C:comp-filter></C:filter></C:calendar-query>";
    }

    /** The calendar-data of every response in a multistatus (RFC 4918 §13), parsed without DTDs or entities. */
    static List<String> calendarData(String multistatus) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            NodeList data = f.newDocumentBuilder().parse(new InputSource(new StringReader(multistatus)))
                    .getElementsByTagNameNS(CALDAV, "calendar-data");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < data.getLength(); i++) {
                String text = data.item(i).getTextContent();
                if (text != null && !text.isBlank()) {
                    out.add(text);
                }
            }
            return out;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the CalDAV server answered something other than a multistatus: " + e.getMessage(), e);
        }
    }
}
