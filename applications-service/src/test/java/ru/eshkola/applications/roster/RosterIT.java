package ru.eshkola.applications.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.applications.ApplicationsIT;
import ru.eshkola.applications.JournalFeed;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.inbox.DeadLetterPublishing;
import ru.eshkola.kit.testing.EventProbe;

@ApplicationsIT
class RosterIT {

    @Autowired
    KafkaTemplate<byte[], byte[]> kafka;
    @Autowired
    Roster roster;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    EventProbe deadLetters;

    JournalFeed journal() {
        return new JournalFeed(kafka, roster);
    }

    @AfterEach
    void close() throws InterruptedException {
        if (deadLetters != null) {
            deadLetters.close();
        }
    }

    @Test
    void anEnrolmentThatArrivesBeforeItsStudentIsKeptAndTheStudentCompletesIt() {
        JournalFeed journal = journal();
        String school = journal.school();
        String student = EventIds.next();
        journal.enrol(school, student, LocalDate.of(2026, 9, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.isStudentOf(student, school,
                LocalDate.of(2026, 11, 25)));
        assertThat(roster.student(student)).isEmpty();

        journal.send("journal.students", "journal.student.registered.v1", student, student,
                journal.studentData(student, "Петрова", "Дарья", LocalDate.of(2011, 3, 2), 1), EventIds.next());
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.student(student).isPresent());
        assertThat(roster.student(student).orElseThrow().fullName()).isEqualTo("Петрова Дарья Сергеевна");
        assertThat(roster.isStudentOf(student, school, LocalDate.of(2026, 11, 25))).isTrue();
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneAndADuplicateChangesNothing() {
        JournalFeed journal = journal();
        String student = EventIds.next();
        String updateId = EventIds.next();
        journal.send("journal.students", "journal.student.updated.v1", student, student,
                journal.studentData(student, "Сидорова", "Анна", LocalDate.of(2013, 4, 17), 2), updateId);
        // the registration (version 1) arrives after the update (version 2): it must not win
        journal.send("journal.students", "journal.student.registered.v1", student, student,
                journal.studentData(student, "Иванова", "Анна", LocalDate.of(2013, 4, 17), 1), EventIds.next());
        // the same update delivered again, its data tampered with to show the copy is not applied
        journal.send("journal.students", "journal.student.updated.v1", student, student,
                journal.studentData(student, "Копия", "Анна", LocalDate.of(2013, 4, 17), 3), updateId);
        String marker = EventIds.next();
        journal.send("journal.students", "journal.student.registered.v1", marker, marker,
                journal.studentData(marker, "Маркер", "Мария", LocalDate.of(2013, 4, 17), 1), EventIds.next());

        await().atMost(Duration.ofSeconds(20)).until(() -> roster.student(marker).isPresent());
        assertThat(roster.student(student).orElseThrow().lastName()).isEqualTo("Сидорова");
    }

    @Test
    void aStudentWhoLeftTheSchoolIsNoLongerItsStudentButOneWhoMovedClassIs() {
        JournalFeed journal = journal();
        String school = journal.school();
        String leaving = journal.student(school, "Уходящий", "Пётр");
        String moving = journal.student(school, "Переводной", "Иван");
        journal.endEnrolment(school, leaving, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 11, 20), "LEFT_SCHOOL");
        journal.endEnrolment(school, moving, LocalDate.of(2025, 9, 1), LocalDate.of(2026, 11, 20),
                "MOVED_WITHIN_SCHOOL");
        journal.enrol(school, moving, LocalDate.of(2026, 11, 21));

        await().atMost(Duration.ofSeconds(20)).until(() -> !roster.isStudentOf(leaving, school,
                LocalDate.of(2026, 11, 25)));
        assertThat(roster.isStudentOf(leaving, school, LocalDate.of(2026, 11, 20))).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.isStudentOf(moving, school,
                LocalDate.of(2026, 11, 25)));
    }

    @Test
    void aTeachersScopeIsTheClassesAndSubjectsTheyTeachAndTheClassTheyLead() {
        JournalFeed journal = journal();
        String school = journal.school();
        String teacher = EventIds.next();
        String taught = EventIds.next();
        String led = EventIds.next();
        ObjectNode assignment = JournalFeed.example("journal.assignment.started.v1").put("assignmentId",
                taught + ":math:" + teacher).put("classId", taught).put("schoolId", school).put("teacherId", teacher)
                .put("subjectId", "math").put("version", 1);
        journal.send("journal.classes", "journal.assignment.started.v1", taught, taught + ":math", assignment,
                EventIds.next());
        int year = LocalDate.now().getMonthValue() >= 9 ? LocalDate.now().getYear() : LocalDate.now().getYear() - 1;
        ObjectNode schoolClass = JournalFeed.example("journal.class.opened.v1").put("classId", led)
                .put("schoolId", school).put("classTeacherId", teacher).put("schoolYear", year + "/" + (year + 1));
        journal.send("journal.classes", "journal.class.opened.v1", led, led, schoolClass, EventIds.next());
        // the old school year has a dead type for this consumer; it is ignored, not dead-lettered
        journal.send("journal.schools", "journal.school-year.configured.v1", school, school,
                JournalFeed.example("journal.school-year.configured.v1").put("schoolId", school), EventIds.next());

        await().atMost(Duration.ofSeconds(20)).until(() -> roster.staffScope(List.of(teacher), LocalDate.now())
                .classes().size() == 2);
        Roster.StaffScope scope = roster.staffScope(List.of(teacher), LocalDate.now());
        assertThat(scope.classes()).containsExactlyInAnyOrder(taught, led);
        assertThat(scope.subjects()).containsExactly("math");
        assertThat(scope.teaching()).containsExactly(taught + "/math");

        ObjectNode ended = JournalFeed.example("journal.assignment.ended.v1").put("assignmentId",
                taught + ":math:" + teacher).put("classId", taught).put("schoolId", school).put("teacherId", teacher)
                .put("subjectId", "math").put("to", LocalDate.now().minusDays(1).toString()).put("version", 2);
        journal.send("journal.classes", "journal.assignment.ended.v1", taught, taught + ":math", ended,
                EventIds.next());
        await().atMost(Duration.ofSeconds(20)).until(() -> roster.staffScope(List.of(teacher), LocalDate.now())
                .subjects().isEmpty());
    }

    @Test
    void aJournalTypeNobodyPreparedForIsDeadLetteredAndTheNextEventIsProcessed() {
        deadLetters = EventProbe.on(DeadLetterPublishing.deadLetterTopic("journal.students", group));
        JournalFeed journal = journal();
        String unknown = EventIds.next();
        journal.send("journal.students", "journal.student.merged.v1", unknown, unknown,
                JournalFeed.example("journal.student.registered.v1"), unknown);
        String next = EventIds.next();
        journal.send("journal.students", "journal.student.registered.v1", next, next,
                journal.studentData(next, "Следующая", "Ольга", LocalDate.of(2012, 1, 1), 1), EventIds.next());

        await().atMost(Duration.ofSeconds(20)).until(() -> roster.student(next).isPresent());
        deadLetters.await(EventProbe.withHeader("ce_id", unknown), Duration.ofSeconds(20));
    }
}
