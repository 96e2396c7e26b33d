package ru.eshkola.journal.scales;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.problems.ProblemException;

/**
 * The grade scales. Read on every grade entered, so held in memory; a region changes them rarely, and a change
 * through this service takes effect at once (other instances pick it up after {@link #refresh()}).
 */
@Service
public class GradeScales {

    public static final String FIVE_POINT = "five-point";
    public static final String PASS_FAIL = "pass-fail";

    private final MongoTemplate mongo;
    private final Map<String, GradeScale> cache = new ConcurrentHashMap<>();

    GradeScales(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The scales every Russian school uses, added when missing; a region may change them afterwards. */
    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        seed(new GradeScale(FIVE_POINT, "Пятибалльная", List.of(
                new GradeScale.Value("1", 1.0, false), new GradeScale.Value("2", 2.0, false),
                new GradeScale.Value("3", 3.0, true), new GradeScale.Value("4", 4.0, true),
                new GradeScale.Value("5", 5.0, true))));
        seed(new GradeScale(PASS_FAIL, "Зачёт / незачёт", List.of(
                new GradeScale.Value("зачёт", null, true), new GradeScale.Value("незачёт", null, false))));
        refresh();
    }

    private void seed(GradeScale scale) {
        if (mongo.findById(scale.id(), GradeScale.class) == null) {
            mongo.insert(scale);
        }
    }

    public void refresh() {
        mongo.findAll(GradeScale.class).forEach(scale -> cache.put(scale.id(), scale));
    }

    public GradeScale require(String field, String id) {
        GradeScale scale = cache.get(id);
        if (scale == null) {
            refresh();
            scale = cache.get(id);
        }
        if (scale == null) {
            throw ProblemException.invalid(field, "no grade scale " + id);
        }
        return scale;
    }

    List<GradeScale> all() {
        return cache.values().stream().sorted(java.util.Comparator.comparing(GradeScale::id)).toList();
    }

    GradeScale save(GradeScale scale) {
        mongo.save(scale);
        cache.put(scale.id(), scale);
        return scale;
    }
}
