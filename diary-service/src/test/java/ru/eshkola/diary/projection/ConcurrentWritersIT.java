package ru.eshkola.diary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.kit.events.EventIds;

/**
 * Two consumers write the same documents at once — a student's name from journal.students, their enrolments from
 * journal.classes; grades and absences into the same week — and neither loses the other's entries.
 */
class ConcurrentWritersIT extends DiaryIntegrationTest {

    static final int GENERATION = 900;

    @Autowired
    ProjectionWriter writer;
    @Autowired
    MongoTemplate mongo;

    @Test
    void concurrentBatchesOnTheSameDocumentsLoseNoUpdate() throws Exception {
        ProjectionWriter.collections(GENERATION).forEach(mongo::dropCollection);
        List<String> students = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            students.add(EventIds.next());
        }
        LocalDate day = LocalDate.of(2026, 11, 24);
        List<ParsedEvent> names = new ArrayList<>();
        List<ParsedEvent> enrolments = new ArrayList<>();
        List<ParsedEvent> grades = new ArrayList<>();
        List<ParsedEvent> absences = new ArrayList<>();
        for (String s : students) {
            names.add(event("journal.student.registered.v1",
                    new JournalEvents.StudentChanged(s, "Иванова", "Анна", null, 1)));
            enrolments.add(event("journal.enrolment.started.v1", new JournalEvents.EnrolmentChanged("c:" + s, "c",
                    "school", "2026/2027", s, LocalDate.of(2026, 9, 1), null, 1)));
            grades.add(event("journal.grade.recorded.v1", new JournalEvents.GradeChanged("g:" + s, s, "l", day, "c",
                    "school", "math", "5", 5.0, "five-point", 1.0, "TEST", null, Instant.now(), 1, null, null, null)));
            absences.add(event("journal.absence.recorded.v1", new JournalEvents.AbsenceChanged("a:" + s, s, "l2", day,
                    2, "c", "school", "math", "ILLNESS", "Б", 1, null, null, null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> names.forEach(e -> writer.apply(GENERATION, List.of(e), false)),
                            pool),
                    CompletableFuture.runAsync(() -> enrolments.forEach(e -> writer.apply(GENERATION, List.of(e),
                            false)), pool),
                    CompletableFuture.runAsync(() -> grades.forEach(e -> writer.apply(GENERATION, List.of(e), false)),
                            pool),
                    CompletableFuture.runAsync(() -> absences.forEach(e -> writer.apply(GENERATION, List.of(e),
                            false)), pool)).get();
        } finally {
            pool.shutdown();
        }
        for (String s : students) {
            StudentCard card = mongo.findById(s, StudentCard.class,
                    Generations.collection(StudentCard.COLLECTION, GENERATION));
            assertThat(card.fullName()).isEqualTo("Иванова Анна");
            assertThat(card.enrolments()).hasSize(1);
            StudentWeek week = mongo.findById(StudentWeek.id(s, day), StudentWeek.class,
                    Generations.collection(StudentWeek.COLLECTION, GENERATION));
            assertThat(week.grades()).hasSize(1);
            assertThat(week.absences()).hasSize(1);
        }
        ProjectionWriter.collections(GENERATION).forEach(mongo::dropCollection);
    }

    private static ParsedEvent event(String type, Object data) {
        return new ParsedEvent(EventIds.next(), type, Instant.now(), data);
    }
}
