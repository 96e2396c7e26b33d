package ru.eshkola.monitoring.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import ru.eshkola.monitoring.ProducerContracts;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.AbsenceChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.GradeChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.LessonChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.PeriodResultChanged;
import ru.eshkola.monitoring.timetables.TimetableChanged;

/** The journal's entry events, from its schema and example files, read into monitoring's own records. */
class JournalEntryContractTests {

    static final String JOURNAL = "journal-service";

    @Test
    void lessonEventsCarryTheTopicAndHomeworkEntryTimes() {
        for (String type : new String[] {"journal.lesson.recorded.v1", "journal.lesson.corrected.v1",
                "journal.lesson.cancelled.v1"}) {
            LessonChanged lesson = ProducerContracts.read(JOURNAL, type, LessonChanged.class);
            assertThat(lesson.lessonNumber()).isEqualTo(2);
            assertThat(lesson.topicEnteredAt()).isNotNull();
            assertThat(lesson.homework().enteredAt()).isNotNull();
        }
        assertThat(ProducerContracts.read(JOURNAL, "journal.lesson.cancelled.v1", LessonChanged.class).conducted())
                .isFalse();
    }

    @Test
    void gradeAbsenceAndPeriodResultEventsCarryTheirFirstEntryTime() {
        for (String verb : new String[] {"recorded", "corrected", "withdrawn"}) {
            GradeChanged grade = ProducerContracts.read(JOURNAL, "journal.grade." + verb + ".v1", GradeChanged.class);
            assertThat(grade.enteredAt()).hasToString("2026-11-24T05:10:00Z");
            AbsenceChanged absence = ProducerContracts.read(JOURNAL, "journal.absence." + verb + ".v1",
                    AbsenceChanged.class);
            assertThat(absence.lessonDate()).hasToString("2026-11-24");
        }
        for (String verb : new String[] {"recorded", "corrected"}) {
            PeriodResultChanged result = ProducerContracts.read(JOURNAL, "journal.period-result." + verb + ".v1",
                    PeriodResultChanged.class);
            assertThat(result.periodEnd()).hasToString("2026-10-23");
        }
    }

    @Test
    void theTimetableEventCarriesSlotsWithTimesAndOneOffChanges() {
        TimetableChanged timetable = ProducerContracts.read(JOURNAL, "journal.timetable.changed.v1",
                TimetableChanged.class);
        assertThat(timetable.slots().getFirst().endTime()).hasToString("09:10");
        assertThat(timetable.changes().getFirst().kind()).isEqualTo("CANCELLED");
    }
}
