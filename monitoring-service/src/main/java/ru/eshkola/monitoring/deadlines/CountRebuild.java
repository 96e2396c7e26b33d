package ru.eshkola.monitoring.deadlines;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.BulkWriteOptions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;

/**
 * The full recompute: every counter rebuilt from the deadlines, the facts they cache. Run on demand (after a crash
 * that may have left a counter off by one, or after a change of rules) while the service is quiet: counts changed by
 * events during the rebuild may be overwritten.
 */
@Component
public class CountRebuild {

    private static final Logger log = LoggerFactory.getLogger(CountRebuild.class);
    private static final int WRITE_BATCH = 1_000;

    private final MongoTemplate mongo;
    private final SchoolCalendars schools;

    CountRebuild(MongoTemplate mongo, SchoolCalendars schools) {
        this.mongo = mongo;
        this.schools = schools;
    }

    public Result rebuild() {
        long started = System.nanoTime();
        Map<String, ZoneId> zones = new HashMap<>();
        for (SchoolCalendar school : schools.all(null)) {
            zones.put(school.id(), school.zone());
        }
        Aggregator aggregator = new Aggregator(id -> zones.getOrDefault(id, ZoneOffset.UTC));
        long facts = 0;
        for (Document d : mongo.getCollection("deadlines").find().projection(Projections.include("rule", "schoolId",
                "classId", "day", "state", "enteredAt")).batchSize(10_000)) {
            facts++;
            java.util.Date entered = d.getDate("enteredAt");
            aggregator.add(d.getString("schoolId"), d.getString("classId"), Rule.valueOf(d.getString("rule")),
                    d.getString("day"), DeadlineState.valueOf(d.getString("state")),
                    entered == null ? null : entered.toInstant());
        }
        long aggregated = System.nanoTime();
        Map<String, Document> documents = aggregator.documents();
        MongoCollection<Document> counts = mongo.getCollection(EntryCounts.COLLECTION);
        List<ReplaceOneModel<Document>> writes = new ArrayList<>();
        for (Document document : documents.values()) {
            writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                    new ReplaceOptions().upsert(true)));
            if (writes.size() == WRITE_BATCH) {
                counts.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            counts.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
        Set<Object> stale = new HashSet<>();
        for (Document existing : counts.find().projection(Projections.include("_id"))) {
            if (!documents.containsKey(existing.getString("_id"))) {
                stale.add(existing.get("_id"));
            }
        }
        if (!stale.isEmpty()) {
            counts.deleteMany(Filters.in("_id", stale));
        }
        long done = System.nanoTime();
        Result result = new Result(facts, documents.size(), (aggregated - started) / 1_000_000,
                (done - aggregated) / 1_000_000);
        log.info("counters rebuilt from {} deadlines into {} day documents: read and summed in {} ms, written in {} ms",
                result.facts(), result.documents(), result.readMillis(), result.writeMillis());
        return result;
    }

    public record Result(long facts, long documents, long readMillis, long writeMillis) {
    }

    /** Sums facts into day documents in memory; what the rebuild and the benchmark share. */
    static final class Aggregator {

        private static final Rule[] RULES = Rule.values();

        private final Function<String, ZoneId> zones;
        private final Map<String, Day> days = new HashMap<>();

        Aggregator(Function<String, ZoneId> zones) {
            this.zones = zones;
        }

        void add(String schoolId, String classId, Rule rule, String day, DeadlineState state, Instant enteredAt) {
            if (schoolId == null || day == null) {
                return;
            }
            int bucket = switch (state) {
                case MET -> 0;
                case LATE -> 1;
                case MISSING -> 2;
                default -> -1;
            };
            if (bucket >= 0) {
                Day counted = days.computeIfAbsent(EntryCounts.id(schoolId, day), k -> new Day(schoolId, day));
                counted.rules[rule.ordinal() * 3 + bucket]++;
                if (classId != null) {
                    counted.classes.computeIfAbsent(EntryCounts.key(classId), k -> new long[RULES.length * 3])
                            [rule.ordinal() * 3 + bucket]++;
                }
            }
            if (enteredAt != null && classId != null && rule != Rule.TIMETABLE) {
                String dataDay = enteredAt.atZone(zones.apply(schoolId)).toLocalDate().toString();
                days.computeIfAbsent(EntryCounts.id(schoolId, dataDay), k -> new Day(schoolId, dataDay)).data
                        .merge(EntryCounts.key(classId), 1, Integer::sum);
            }
        }

        Map<String, Document> documents() {
            Map<String, Document> documents = new HashMap<>(days.size() * 2);
            days.forEach((id, day) -> documents.put(id, day.document(id)));
            return documents;
        }

        int size() {
            return days.size();
        }

        private static final class Day {

            final String schoolId;
            final String day;
            final long[] rules = new long[RULES.length * 3];
            final Map<String, long[]> classes = new HashMap<>();
            final Map<String, Integer> data = new HashMap<>();

            Day(String schoolId, String day) {
                this.schoolId = schoolId;
                this.day = day;
            }

            Document document(String id) {
                Document document = new Document("_id", id).append("schoolId", schoolId).append("day", day);
                document.append("r", rules(rules));
                Document c = new Document();
                classes.forEach((key, counts) -> c.append(key, rules(counts)));
                document.append("c", c);
                document.append("d", new Document(new HashMap<>(data)));
                return document;
            }

            private static Document rules(long[] counts) {
                Document r = new Document();
                for (Rule rule : RULES) {
                    int i = rule.ordinal() * 3;
                    if (counts[i] + counts[i + 1] + counts[i + 2] > 0) {
                        r.append(rule.name(), new Document("onTime", counts[i]).append("late", counts[i + 1])
                                .append("missing", counts[i + 2]));
                    }
                }
                return r;
            }
        }
    }
}
