package ru.eshkola.monitoring.deadlines;

/**
 * Where an expected entry stands. PENDING: expected, not entered, deadline ahead. MET: entered by the deadline.
 * LATE: entered after it. MISSING: nothing entered by it (timed rules only). CANCELLED: no longer expected (lesson
 * cancelled, entry withdrawn). UNJUDGED: entered before monitoring knew the school's time zone; judged when it does.
 */
public enum DeadlineState {
    PENDING, MET, LATE, MISSING, CANCELLED, UNJUDGED
}
