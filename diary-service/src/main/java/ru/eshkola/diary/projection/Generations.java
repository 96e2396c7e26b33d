package ru.eshkola.diary.projection;

import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which generation of the projection's collections is current. A rebuild fills a fresh generation
 * ({@code student_weeks_g2}, ...) while live consumption keeps feeding the current one, then switches this pointer
 * in one single-document write: readers and the live consumer of every instance follow within
 * {@code generation-refresh}.
 */
@Component
public class Generations {

    static final String COLLECTION = "projection_generation";
    private static final String CURRENT = "current";

    private final MongoTemplate mongo;
    private final AtomicInteger current = new AtomicInteger();

    Generations(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", CURRENT),
                Updates.setOnInsert("generation", 1), new UpdateOptions().upsert(true));
        refresh();
    }

    public int current() {
        return current.get();
    }

    public static String collection(String base, int generation) {
        return base + "_g" + generation;
    }

    /** Makes the generation current for every instance. */
    public void switchTo(int generation) {
        mongo.getCollection(COLLECTION).updateOne(Filters.eq("_id", CURRENT), Updates.set("generation", generation));
        current.set(generation);
    }

    /** Drops the collections of a generation that is no longer current. */
    public void drop(int generation) {
        if (generation == current()) {
            throw new IllegalArgumentException("generation " + generation + " is current");
        }
        for (String base : ProjectionWriter.COLLECTIONS) {
            mongo.dropCollection(collection(base, generation));
        }
    }

    @Scheduled(fixedDelayString = "${eshkola.diary.projection.generation-refresh:1s}")
    void refresh() {
        Document pointer = mongo.getCollection(COLLECTION).find(Filters.eq("_id", CURRENT)).first();
        if (pointer != null) {
            current.set(pointer.getInteger("generation"));
        }
    }
}
