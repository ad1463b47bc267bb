package org.parley.server.richpresence;

/** Gives tests in sub-packages the shared calendar data. */
public final class CalendarFixturesAccess {

    private CalendarFixturesAccess() {
    }

    public static String alice() {
        return CalendarFixtures.ALICE;
    }
}
