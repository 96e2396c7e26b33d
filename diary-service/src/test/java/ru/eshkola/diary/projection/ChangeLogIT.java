package ru.eshkola.diary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.kit.events.EventIds;

/** The students' change numbers: gapless, each change once, also with writers racing and one that died midway. */
class ChangeLogIT extends DiaryIntegrationTest {

    @Autowired
    ChangeLog changes;
    @Autowired
    MongoTemplate mongo;

    @Test
    void writersRacingForTheSameStudentsNumberEveryChangeOnceWithoutGaps() throws Exception {
        List<String> students = List.of(EventIds.next(), EventIds.next(), EventIds.next());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < 3; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    for (int batch = 0; batch < 5; batch++) {
                        List<ChangeNote> notes = new ArrayList<>();
                        for (String student : students) {
                            notes.add(note(student, writer + "-" + batch + "-a"));
                            notes.add(note(student, writer + "-" + batch + "-b"));
                        }
                        changes.append(notes, Instant.now());
                    }
                }, pool));
            }
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdown();
        }
        for (String student : students) {
            long seq = changes.sequence(student);
            assertThat(seq).isEqualTo(30);
            List<ChangeLog.Change> all = changes.between(student, 0, seq).orElseThrow();
            assertThat(all).extracting(ChangeLog.Change::seq).isEqualTo(java.util.stream.LongStream
                    .rangeClosed(1, 30).boxed().toList());
            assertThat(all.stream().map(c -> c.data().get("entryId")).distinct().count()).as("each once")
                    .isEqualTo(30);
        }
    }

    @Test
    void aChangeLeftBehindByAWriterThatDiedIsShownAndTheNextTakesTheNumberAfterIt() {
        String student = EventIds.next();
        changes.append(List.of(note(student, "first")), Instant.now());
        // a writer inserted change 2 and died before moving the counter
        mongo.getCollection(ChangeLog.CHANGES).insertOne(new Document("_id", ChangeLog.id(student, 2))
                .append("studentId", student).append("seq", 2L).append("at", new java.util.Date())
                .append("type", "grade.recorded").append("data", new Document("entryId", "orphan")));
        assertThat(changes.sequence(student)).isEqualTo(1);

        changes.append(List.of(note(student, "third")), Instant.now());

        assertThat(changes.between(student, 0, changes.sequence(student)).orElseThrow())
                .extracting(c -> c.data().get("entryId")).containsExactly("first", "orphan", "third");
    }

    @Test
    void aClientFurtherBehindThanWhatIsKeptMustReload() {
        String student = EventIds.next();
        List<ChangeNote> notes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            notes.add(note(student, "n" + i));
        }
        changes.append(notes, Instant.now());
        assertThat(changes.between(student, 3, 3)).hasValue(List.of());
        assertThat(changes.between(student, 1, 3).orElseThrow()).extracting(ChangeLog.Change::seq)
                .containsExactly(2L, 3L);
        mongo.getCollection(ChangeLog.CHANGES).deleteOne(new Document("_id", ChangeLog.id(student, 2)));
        assertThat(changes.between(student, 1, 3)).as("change 2 expired").isEmpty();
        assertThat(changes.between(student, 3, 1000)).as("more than kept").isEmpty();
    }

    private static ChangeNote note(String student, String entryId) {
        return new ChangeNote(student, "grade.recorded", entryId, 1, Map.of("entryId", entryId));
    }
}
