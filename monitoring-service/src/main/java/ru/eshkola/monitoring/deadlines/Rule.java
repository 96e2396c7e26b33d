package ru.eshkola.monitoring.deadlines;

/**
 * The entry deadlines (seed 003 item 4 and the Ministry's 2012 guidance). A timed rule is one where an expected
 * entry can be MISSING: the timer flags it when nothing arrived by the deadline. The others can only be LATE,
 * because nobody knows of an entry that was never made (an absence nobody noted, a grade nobody gave).
 */
public enum Rule {
    GRADE_ENTRY(false),
    PERIOD_RESULT(true),
    ABSENCE_ENTRY(false),
    LESSON_TOPIC(true),
    HOMEWORK(false),
    TIMETABLE(true);

    private final boolean timed;

    Rule(boolean timed) {
        this.timed = timed;
    }

    public boolean timed() {
        return timed;
    }
}
