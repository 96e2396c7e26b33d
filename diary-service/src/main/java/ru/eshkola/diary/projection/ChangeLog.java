package ru.eshkola.diary.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each student's diary changes, numbered 1, 2, 3, ... per student: what live streams send and resume from.
 *
 * <p>Two small documents do it, both read by {@code _id}: a counter per student ({@code student_streams},
 * {@code {_id: studentId, seq}}) and one document per change ({@code student_changes},
 * {@code _id = <studentId>:<seq, 12 digits>}). A batch reads the counters of its students, inserts the changes under
 * the next numbers (one ordered insert), then moves each counter forward where it still has the value read (one bulk
 * update). The counter therefore only ever points at changes that exist: a reader that sees {@code seq = N} finds
 * every change up to N. A number already taken (another writer, or a writer that died between the two writes) shows
 * as a duplicate key: the counter is moved past the existing change and the batch's changes take the next numbers.
 * Changes expire after {@code changes-retention} (a TTL index on MongoDB); a client further behind reloads the view.
 * None of it is part of a projection generation: a rebuild changes no one's diary and notifies no one.
 */
@Component
public class ChangeLog {

    static final String COUNTERS = "student_streams";
    static final String CHANGES = "student_changes";
    private static final int ATTEMPTS = 100;

    private final MongoTemplate mongo;
    private final int maxResume;

    ChangeLog(MongoTemplate mongo, ProjectionSettings settings) {
        this.mongo = mongo;
        this.maxResume = settings.changesKept();
        mongo.getCollection(CHANGES).createIndex(Indexes.ascending("at"), new IndexOptions().name("changes_ttl")
                .expireAfter(settings.changesRetention().toSeconds(), TimeUnit.SECONDS));
    }

    /** One change of a student's diary; {@code seq} is its number in that student's stream. */
    public record Change(long seq, Instant at, String type, Map<String, Object> data) {
    }

    void append(Collection<ChangeNote> notes, Instant now) {
        Map<String, List<Document>> pending = new LinkedHashMap<>();
        for (ChangeNote note : notes) {
            pending.computeIfAbsent(note.studentId(), s -> new ArrayList<>()).add(new Document("at", Date.from(now))
                    .append("type", note.type()).append("data", new Document(note.data())));
        }
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > ATTEMPTS) {
                throw new IllegalStateException("change numbers of " + pending.size() + " students were taken by "
                        + "other writers " + ATTEMPTS + " times in a row");
            }
            if (attempt > 2) {
                backOff(attempt);
            }
            Map<String, Long> read = sequences(pending.keySet());
            List<Document> inserts = new ArrayList<>();
            List<String> owners = new ArrayList<>();
            pending.forEach((student, changes) -> {
                long seq = read.getOrDefault(student, 0L);
                for (Document change : changes) {
                    seq++;
                    inserts.add(new Document(change).append("_id", id(student, seq)).append("studentId", student)
                            .append("seq", seq));
                    owners.add(student);
                }
            });
            int failedAt = insertOrdered(inserts);
            // per student: how many of its changes got their numbers, and whether the next number was taken
            Map<String, Integer> done = new LinkedHashMap<>();
            Map<String, Boolean> taken = new HashMap<>();
            for (int i = 0; i < inserts.size(); i++) {
                String student = owners.get(i);
                if (failedAt < 0 || i < failedAt) {
                    done.merge(student, 1, Integer::sum);
                } else if (i == failedAt) {
                    taken.put(student, true);
                }
            }
            List<WriteModel<Document>> moves = new ArrayList<>();
            for (String student : pending.keySet()) {
                long from = read.getOrDefault(student, 0L);
                long to = from + done.getOrDefault(student, 0) + (taken.containsKey(student) ? 1 : 0);
                if (to > from) {
                    moves.add(new UpdateOneModel<>(new Document("_id", student).append("seq", from),
                            Updates.set("seq", to), new UpdateOptions().upsert(true)));
                }
            }
            moveCounters(moves);
            Map<String, List<Document>> rest = new LinkedHashMap<>();
            pending.forEach((student, changes) -> {
                int placed = done.getOrDefault(student, 0);
                if (placed < changes.size()) {
                    rest.put(student, changes.subList(placed, changes.size()));
                }
            });
            pending = rest;
        }
    }

    /** Writers racing for the same students take turns instead of taking each other's numbers in lockstep. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Math.min(50, 2L * attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Inserts in order until a number is taken; returns the index of that change, or -1 when all went in. */
    private int insertOrdered(List<Document> inserts) {
        if (inserts.isEmpty()) {
            return -1;
        }
        try {
            mongo.getCollection(CHANGES).insertMany(inserts, new InsertManyOptions().ordered(true));
            return -1;
        } catch (MongoBulkWriteException e) {
            BulkWriteError error = e.getWriteErrors().getFirst();
            if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return error.getIndex();
        }
    }

    /**
     * Moves counters forward where they still hold the value read. One that moved meanwhile is left to the next
     * attempt, which reads it again; a counter never moves past a change that does not exist.
     */
    private void moveCounters(List<WriteModel<Document>> moves) {
        if (moves.isEmpty()) {
            return;
        }
        try {
            mongo.getCollection(COUNTERS).bulkWrite(moves, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    /** The current number of each student's last change (absent for a student without changes). */
    public Map<String, Long> sequences(Collection<String> studentIds) {
        Map<String, Long> sequences = new HashMap<>();
        if (studentIds.isEmpty()) {
            return sequences;
        }
        mongo.getCollection(COUNTERS).find(Filters.in("_id", studentIds))
                .forEach(d -> sequences.put(d.getString("_id"), ((Number) d.get("seq")).longValue()));
        return sequences;
    }

    public long sequence(String studentId) {
        return sequences(List.of(studentId)).getOrDefault(studentId, 0L);
    }

    /**
     * The changes after {@code lastSeen} up to {@code seq}, in order; empty when the client is further behind than
     * changes are kept ({@code changes-kept} at most, none older than {@code changes-retention}): it must reload.
     */
    public Optional<List<Change>> between(String studentId, long lastSeen, long seq) {
        if (lastSeen >= seq) {
            return Optional.of(List.of());
        }
        if (seq - lastSeen > maxResume || lastSeen < 0) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (long n = lastSeen + 1; n <= seq; n++) {
            ids.add(id(studentId, n));
        }
        Map<Long, Change> found = new HashMap<>();
        mongo.getCollection(CHANGES).find(Filters.in("_id", ids)).forEach(d -> {
            long n = ((Number) d.get("seq")).longValue();
            found.put(n, new Change(n, d.getDate("at").toInstant(), d.getString("type"),
                    d.get("data", Document.class)));
        });
        if (found.size() < ids.size()) {
            return Optional.empty();
        }
        List<Change> changes = new ArrayList<>(found.values());
        changes.sort(java.util.Comparator.comparingLong(Change::seq));
        return Optional.of(changes);
    }

    static String id(String studentId, long seq) {
        return studentId + ":" + String.format("%012d", seq);
    }
}
