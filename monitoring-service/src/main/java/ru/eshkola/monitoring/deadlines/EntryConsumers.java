package ru.eshkola.monitoring.deadlines;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.AbsenceChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.GradeChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.LessonChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.PeriodResultChanged;
import ru.eshkola.monitoring.timetables.TimetableChanged;
import ru.eshkola.monitoring.timetables.Timetables;

/** One consumer per journal topic whose entries have deadlines; every type on those topics is handled. */
@Configuration
class EntryConsumers {

    private final Entries entries;
    private final Timetables timetables;
    private final ExpectedEntries expected;

    EntryConsumers(Entries entries, Timetables timetables, ExpectedEntries expected) {
        this.entries = entries;
        this.timetables = timetables;
        this.expected = expected;
    }

    @Bean
    Consumer<Message<byte[]>> onLessonEvents(InboundEvents events) {
        return events.consumer("deadlines-lessons")
                .on("journal.lesson.recorded.v1", LessonChanged.class, e -> entries.lesson(e.data()))
                .on("journal.lesson.corrected.v1", LessonChanged.class, e -> entries.lesson(e.data()))
                .on("journal.lesson.cancelled.v1", LessonChanged.class, e -> entries.lesson(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onGradeEvents(InboundEvents events) {
        return events.consumer("deadlines-grades")
                .on("journal.grade.recorded.v1", GradeChanged.class, e -> entries.grade(e.data(), false))
                .on("journal.grade.corrected.v1", GradeChanged.class, e -> entries.grade(e.data(), false))
                .on("journal.grade.withdrawn.v1", GradeChanged.class, e -> entries.grade(e.data(), true))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onAbsenceEvents(InboundEvents events) {
        return events.consumer("deadlines-absences")
                .on("journal.absence.recorded.v1", AbsenceChanged.class, e -> entries.absence(e.data(), false))
                .on("journal.absence.corrected.v1", AbsenceChanged.class, e -> entries.absence(e.data(), false))
                .on("journal.absence.withdrawn.v1", AbsenceChanged.class, e -> entries.absence(e.data(), true))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onPeriodResultEvents(InboundEvents events) {
        return events.consumer("deadlines-period-results")
                .on("journal.period-result.recorded.v1", PeriodResultChanged.class,
                        e -> entries.periodResult(e.data()))
                .on("journal.period-result.corrected.v1", PeriodResultChanged.class,
                        e -> entries.periodResult(e.data()))
                .build();
    }

    /** A new timetable changes which lessons are expected and which weeks are covered. */
    @Bean
    Consumer<Message<byte[]>> onTimetableEvents(InboundEvents events) {
        return events.consumer("deadlines-timetables")
                .on("journal.timetable.changed.v1", TimetableChanged.class, e -> {
                    // expectations follow whatever version is stored, so a retry after a failure redoes them
                    timetables.store(e.data());
                    expected.timetableChanged(e.data().classId());
                })
                .build();
    }
}
