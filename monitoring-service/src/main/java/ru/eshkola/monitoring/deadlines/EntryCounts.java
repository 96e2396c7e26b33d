package ru.eshkola.monitoring.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The indicators' counters: one document per school and day ({@code _id = <schoolId>|<yyyy-mm-dd>}) holding, per
 * rule and per class, how many expected entries of that day were entered on time, late or are missing, and per class
 * how many diary entries were made that day (the service's frequency). Every change is one {@code $inc} upsert; a
 * date range is the sum of its day documents, read by {@code _id}.
 *
 * <p>The counters are a cache of the deadlines: a change of a deadline and its counters are two writes, so a crash
 * between them can leave a count off by one until the next {@linkplain CountRebuild rebuild} from the deadlines.
 */
@Component
public class EntryCounts {

    static final String COLLECTION = "entry_counts";
    private static final int IN_BATCH = 1_000;

    private final MongoTemplate mongo;

    EntryCounts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What changed in the counters when a deadline went from one state to another (either may be null). */
    static Map<String, Document> changes(Deadline before, Deadline after) {
        Map<String, Document> incs = new LinkedHashMap<>();
        if (before != null) {
            add(incs, before, -1);
        }
        if (after != null) {
            add(incs, after, 1);
        }
        incs.values().removeIf(inc -> inc.values().stream().allMatch(v -> ((Number) v).longValue() == 0));
        return incs;
    }

    private static void add(Map<String, Document> incs, Deadline deadline, int sign) {
        String bucket = bucket(deadline.state());
        if (bucket == null || deadline.schoolId() == null || deadline.day() == null) {
            return;
        }
        Document inc = incs.computeIfAbsent(id(deadline.schoolId(), deadline.day()), k -> new Document());
        inc.merge("r." + deadline.rule().name() + "." + bucket, sign, (a, b) -> ((Number) a).intValue()
                + ((Number) b).intValue());
        if (deadline.classId() != null) {
            inc.merge("c." + key(deadline.classId()) + "." + deadline.rule().name() + "." + bucket, sign,
                    (a, b) -> ((Number) a).intValue() + ((Number) b).intValue());
        }
    }

    /** Applies the changes of a deadline's transition, plus a diary entry made on {@code dataDay} (may be null). */
    void record(Deadline before, Deadline after, String schoolId, String classId, LocalDate dataDay) {
        Map<String, Document> incs = changes(before, after);
        if (dataDay != null && schoolId != null && classId != null) {
            incs.computeIfAbsent(id(schoolId, dataDay.toString()), k -> new Document())
                    .merge("d." + key(classId), 1, (a, b) -> ((Number) a).intValue() + ((Number) b).intValue());
        }
        MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
        for (Map.Entry<String, Document> entry : incs.entrySet()) {
            String[] parts = entry.getKey().split("\\|", 2);
            collection.updateOne(Filters.eq("_id", entry.getKey()), new Document("$inc", entry.getValue())
                    .append("$set", new Document("schoolId", parts[0]).append("day", parts[1])),
                    new UpdateOptions().upsert(true));
        }
    }

    static String id(String schoolId, String day) {
        return schoolId + "|" + day;
    }

    /** Ids become field names: no dots or dollars in them. */
    static String key(String id) {
        return id.replace('.', '_').replace('$', '_');
    }

    static String bucket(DeadlineState state) {
        return switch (state) {
            case MET -> "onTime";
            case LATE -> "late";
            case MISSING -> "missing";
            default -> null;
        };
    }

    /** The counters of the schools summed over the days from {@code from} to {@code to}, both included. */
    public Map<String, SchoolCounts> read(Collection<String> schoolIds, LocalDate from, LocalDate to) {
        List<String> ids = new ArrayList<>();
        for (String school : schoolIds) {
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                ids.add(id(school, d.toString()));
            }
        }
        Map<String, Builder> builders = new HashMap<>();
        schoolIds.forEach(s -> builders.put(s, new Builder(s)));
        MongoCollection<Document> collection = mongo.getCollection(COLLECTION);
        for (int i = 0; i < ids.size(); i += IN_BATCH) {
            for (Document day : collection.find(Filters.in("_id", ids.subList(i, Math.min(ids.size(), i + IN_BATCH))))) {
                Builder builder = builders.get(day.getString("schoolId"));
                if (builder != null) {
                    builder.add(day);
                }
            }
        }
        Map<String, SchoolCounts> result = new LinkedHashMap<>();
        builders.forEach((school, builder) -> result.put(school, builder.build()));
        return result;
    }

    /** Entries on time, late and missing. */
    public record Tally(long onTime, long late, long missing) {

        public static final Tally ZERO = new Tally(0, 0, 0);

        public long total() {
            return onTime + late + missing;
        }

        /** Share entered on time, null when nothing was due. */
        public Double onTimeShare() {
            return total() == 0 ? null : (double) onTime / total();
        }

        public Tally plus(Tally other) {
            return new Tally(onTime + other.onTime, late + other.late, missing + other.missing);
        }
    }

    /**
     * One school's counters over a range.
     *
     * @param dataDays per class id (as stored: dots replaced), the days on which its diary got new data
     */
    public record SchoolCounts(String schoolId, Map<Rule, Tally> rules, Map<String, Map<Rule, Tally>> classes,
            Map<String, Set<LocalDate>> dataDays) {

        public Tally rule(Rule rule) {
            return rules.getOrDefault(rule, Tally.ZERO);
        }

        public Set<LocalDate> dataDaysOf(String classId) {
            return dataDays.getOrDefault(key(classId), Set.of());
        }
    }

    private static final class Builder {

        private final String schoolId;
        private final Map<Rule, Tally> rules = new EnumMap<>(Rule.class);
        private final Map<String, Map<Rule, Tally>> classes = new HashMap<>();
        private final Map<String, Set<LocalDate>> dataDays = new HashMap<>();

        Builder(String schoolId) {
            this.schoolId = schoolId;
        }

        void add(Document day) {
            LocalDate date = LocalDate.parse(day.getString("day"));
            Document r = day.get("r", Document.class);
            if (r != null) {
                merge(rules, r);
            }
            Document c = day.get("c", Document.class);
            if (c != null) {
                for (String classKey : c.keySet()) {
                    merge(classes.computeIfAbsent(classKey, k -> new EnumMap<>(Rule.class)), c.get(classKey,
                            Document.class));
                }
            }
            Document d = day.get("d", Document.class);
            if (d != null) {
                for (String classKey : d.keySet()) {
                    if (((Number) d.get(classKey)).longValue() > 0) {
                        dataDays.computeIfAbsent(classKey, k -> new TreeSet<>()).add(date);
                    }
                }
            }
        }

        private static void merge(Map<Rule, Tally> into, Document rules) {
            for (String name : rules.keySet()) {
                Rule rule;
                try {
                    rule = Rule.valueOf(name);
                } catch (IllegalArgumentException unknown) {
                    continue;
                }
                Document b = rules.get(name, Document.class);
                into.merge(rule, new Tally(number(b, "onTime"), number(b, "late"), number(b, "missing")), Tally::plus);
            }
        }

        private static long number(Document d, String field) {
            Object value = d.get(field);
            return value instanceof Number n ? n.longValue() : 0;
        }

        SchoolCounts build() {
            Map<String, Set<LocalDate>> days = new HashMap<>();
            dataDays.forEach((k, v) -> days.put(k, Set.copyOf(new HashSet<>(v))));
            return new SchoolCounts(schoolId, Map.copyOf(rules), Map.copyOf(classes), Map.copyOf(days));
        }
    }
}
