package ru.eshkola.diary.projection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;

/**
 * The updates of one batch to the documents of one collection, written with one read and one bulk write.
 *
 * <p>All target documents are read with one {@code _id $in} query, every update of the batch is applied in memory in
 * event order, and only the documents that changed are written back, in one unordered bulk write: a new document is
 * inserted, an existing one replaced where its {@code rev} is still the one read. When another writer got there
 * first (an insert meets a duplicate key, a replace matches nothing), the whole group is read and applied again:
 * applying an event twice changes nothing, so the documents already written come out unchanged and only the lost
 * writes are redone.
 */
final class DocumentGroup<T extends ProjectionDocument> {

    private final Class<T> type;
    private final String collection;
    private final Function<String, T> create;
    private final Map<String, List<BiConsumer<T, Notes>>> updates = new LinkedHashMap<>();

    DocumentGroup(Class<T> type, String collection, Function<String, T> create) {
        this.type = type;
        this.collection = collection;
        this.create = create;
    }

    void add(String id, BiConsumer<T, Notes> update) {
        updates.computeIfAbsent(id, k -> new ArrayList<>()).add(update);
    }

    boolean isEmpty() {
        return updates.isEmpty();
    }

    String collection() {
        return collection;
    }

    java.util.Set<String> ids() {
        return updates.keySet();
    }

    /** @return documents written */
    int write(MongoTemplate mongo, Notes notes, int attempts) {
        if (updates.isEmpty()) {
            return 0;
        }
        MongoConverter converter = mongo.getConverter();
        MongoCollection<Document> target = mongo.getCollection(collection);
        int written = 0;
        for (int attempt = 1; ; attempt++) {
            Map<String, Document> stored = new HashMap<>();
            target.find(Filters.in("_id", updates.keySet())).forEach(d -> stored.put(d.getString("_id"), d));
            List<WriteModel<Document>> writes = new ArrayList<>();
            for (Map.Entry<String, List<BiConsumer<T, Notes>>> entry : updates.entrySet()) {
                Document before = stored.get(entry.getKey());
                T doc = before == null ? create.apply(entry.getKey()) : converter.read(type, before);
                entry.getValue().forEach(update -> update.accept(doc, notes));
                Document after = new Document();
                converter.write(doc, after);
                if (before == null) {
                    after.put("rev", 1L);
                    writes.add(new InsertOneModel<>(after));
                } else if (!after.equals(before)) {
                    long rev = doc.rev;
                    after.put("rev", rev + 1);
                    // a flat {_id, rev} filter: MongoDB and the local store find the document by its _id index
                    writes.add(new ReplaceOneModel<>(new Document("_id", entry.getKey()).append("rev", rev), after));
                }
            }
            if (writes.isEmpty()) {
                return written;
            }
            long replaces = writes.stream().filter(ReplaceOneModel.class::isInstance).count();
            boolean complete = bulkWrite(target, writes, replaces);
            written += writes.size();
            if (complete) {
                return written;
            }
            if (attempt >= attempts) {
                throw new OptimisticLockingFailureException("documents of " + collection + " were changed by "
                        + "another writer " + attempts + " times in a row");
            }
        }
    }

    /**
     * True when every write took effect. A conflict shows as a duplicate key (an insert) or a replace that matched
     * nothing; the insert count is not trusted (the embedded store counts a refused insert as inserted).
     */
    private static boolean bulkWrite(MongoCollection<Document> target, List<WriteModel<Document>> writes,
            long replaces) {
        try {
            BulkWriteResult result = target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            return result.getMatchedCount() == replaces;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return false;
        }
    }
}
