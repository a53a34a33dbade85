package org.safeguarding.chronology.api.chronology;

/**
 * How precisely an agency knows when something happened, as chronologies show it: "?/03/2007" is MONTH.
 * An imprecise occurredAt is the first instant (UTC) of its day, month or year.
 */
public enum DatePrecision {
    EXACT, DAY, MONTH, YEAR
}
