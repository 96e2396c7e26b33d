package ru.eshkola.diary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class StudentWeekTests {

    static final LocalDate DAY = LocalDate.of(2026, 11, 24);

    static JournalEvents.GradeChanged grade(String value, long version, String previous, String correctedAt) {
        return new JournalEvents.GradeChanged("g1", "s1", "l1", DAY, "c1", "school", "math", value,
                value == null ? null : Double.valueOf(value), "five-point", 1.0, "TEST", null,
                Instant.parse("2026-11-24T05:00:00Z"), version, previous, null,
                correctedAt == null ? null : Instant.parse(correctedAt));
    }

    @Test
    void aWeekIsNamedByItsMonday() {
        assertThat(StudentWeek.id("s1", DAY)).isEqualTo("s1:2026-11-23");
        assertThat(StudentWeek.id("s1", LocalDate.of(2026, 11, 29))).as("Sunday").isEqualTo("s1:2026-11-23");
        assertThat(Weeks.mondays(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 16)))
                .containsExactly(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
    }

    @Test
    void aNewerVersionReplacesAnOlderOneIsDroppedAndTheSameOneChangesNothing() {
        StudentWeek week = StudentWeek.empty("s1", DAY);
        assertThat(week.grade(grade("4", 1, null, null), false)).isNotNull();
        assertThat(week.grade(grade("5", 2, "4", "2026-11-24T09:00:00Z"), false).value()).isEqualTo("5");
        assertThat(week.grade(grade("4", 1, null, null), false)).as("stale").isNull();
        assertThat(week.grade(grade("5", 2, "4", "2026-11-24T09:00:00Z"), false)).as("repeated").isNull();
        assertThat(week.grades()).singleElement().satisfies(g -> {
            assertThat(g.value()).isEqualTo("5");
            assertThat(g.version()).isEqualTo(2);
        });
    }

    @Test
    void correctionsEndUpTheSameInWhateverOrderTheyArrive() {
        StudentWeek inOrder = StudentWeek.empty("s1", DAY);
        inOrder.grade(grade("3", 1, null, null), false);
        inOrder.grade(grade("4", 2, "3", "2026-11-24T09:00:00Z"), false);
        inOrder.grade(grade("5", 3, "4", "2026-11-25T09:00:00Z"), false);
        StudentWeek reversed = StudentWeek.empty("s1", DAY);
        reversed.grade(grade("5", 3, "4", "2026-11-25T09:00:00Z"), false);
        reversed.grade(grade("4", 2, "3", "2026-11-24T09:00:00Z"), false);
        reversed.grade(grade("3", 1, null, null), false);

        assertThat(reversed.grades()).isEqualTo(inOrder.grades());
        assertThat(inOrder.grades().getFirst().corrections()).extracting(Correction::from, Correction::to)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3", "4"),
                        org.assertj.core.groups.Tuple.tuple("4", "5"));
    }

    @Test
    void aWithdrawnGradeStaysAsATombstoneThatAnOlderRecordingCannotRevive() {
        StudentWeek week = StudentWeek.empty("s1", DAY);
        week.grade(grade(null, 2, "4", "2026-11-24T09:00:00Z"), true);
        assertThat(week.grade(grade("4", 1, null, null), false)).isNull();
        assertThat(week.grades()).singleElement().satisfies(g -> {
            assertThat(g.withdrawn()).isTrue();
            assertThat(g.value()).isNull();
            assertThat(g.corrections()).singleElement().satisfies(c -> assertThat(c.to()).isNull());
        });
    }

    @Test
    void entriesAreKeptInIdOrderSoADocumentDoesNotDependOnArrivalOrder() {
        StudentWeek a = StudentWeek.empty("s1", DAY);
        StudentWeek b = StudentWeek.empty("s1", DAY);
        var g1 = grade("4", 1, null, null);
        var g2 = new JournalEvents.GradeChanged("g0", "s1", "l1", DAY, "c1", "school", "math", "5", 5.0, "five-point",
                1.0, "TEST", null, null, 1, null, null, null);
        a.grade(g1, false);
        a.grade(g2, false);
        b.grade(g2, false);
        b.grade(g1, false);
        assertThat(a.grades()).isEqualTo(b.grades());
        assertThat(a.grades()).extracting(StudentWeek.Grade::gradeId).isEqualTo(List.of("g0", "g1"));
    }
}
