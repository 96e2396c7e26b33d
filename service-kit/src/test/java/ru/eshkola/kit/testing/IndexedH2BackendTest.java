package ru.eshkola.kit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexedH2BackendTest {

    @TempDir
    Path dir;

    @Test
    void aSaveGuardedByVersionChangesOnlyTheVersionItRead() {
        try (MongoWireStore store = MongoWireStore.persistent(dir.resolve("versions.mv"));
                MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.insertOne(new Document("_id", "a").append("version", 2L).append("n", 1));

            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1L)),
                    Updates.set("n", 5)).getMatchedCount()).isZero();
            assertThat(docs.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2L)),
                    Updates.combine(Updates.set("n", 5), Updates.inc("version", 1L))).getMatchedCount()).isOne();
            assertThat(docs.find(Filters.and(Filters.in("_id", "a", "b"), Filters.eq("n", 5))).first())
                    .containsEntry("version", 3L);
            assertThat(docs.deleteOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 2L)))
                    .getDeletedCount()).isZero();
        }
    }

    @Test
    void filtersOnIdAndOtherFieldsSelectWhatTheUnmodifiedServerSelects() {
        try (MongoWireStore indexed = MongoWireStore.persistent(dir.resolve("same.mv"));
                MongoWireStore plain = MongoWireStore.inMemory();
                MongoClient a = client(indexed); MongoClient b = client(plain)) {
            MongoCollection<Document> left = a.getDatabase("t").getCollection("docs");
            MongoCollection<Document> right = b.getDatabase("t").getCollection("docs");
            Random random = new Random(42);
            List<Document> docs = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Document doc = new Document("_id", "d" + i).append("version", (long) random.nextInt(3))
                        .append("kind", random.nextBoolean() ? "x" : "y");
                if (random.nextBoolean()) {
                    doc.append("lease", new Document("until", random.nextInt(10)));
                }
                docs.add(doc);
            }
            left.insertMany(docs);
            right.insertMany(docs);

            for (int q = 0; q < 300; q++) {
                Bson filter = randomFilter(random);
                assertThat(ids(left, filter)).as(filter.toBsonDocument().toJson()).isEqualTo(ids(right, filter));
            }
        }
    }

    @Test
    void secondaryIndexesAreKeptAcrossARestartAndQueriesOnTheirFieldsStillAnswer() {
        Path file = dir.resolve("secondary.mv");
        try (MongoWireStore store = MongoWireStore.persistent(file); MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            docs.createIndex(Indexes.ascending("kind"));
            for (int i = 0; i < 50; i++) {
                docs.insertOne(new Document("_id", i).append("kind", i % 5));
            }
        }
        try (MongoWireStore store = MongoWireStore.persistent(file); MongoClient client = client(store)) {
            MongoCollection<Document> docs = client.getDatabase("t").getCollection("docs");
            assertThat(docs.listIndexes().map(i -> i.getString("name")).into(new ArrayList<>()))
                    .contains("_id_", "kind_1");
            assertThat(docs.countDocuments(Filters.eq("kind", 3))).isEqualTo(10);
            docs.insertOne(new Document("_id", 50).append("kind", 3));
            assertThat(docs.countDocuments(Filters.eq("kind", 3))).isEqualTo(11);
        }
    }

    private static Bson randomFilter(Random random) {
        Bson byId = random.nextBoolean() ? Filters.eq("_id", "d" + random.nextInt(220))
                : Filters.in("_id", "d" + random.nextInt(220), "d" + random.nextInt(220), "d" + random.nextInt(220));
        Bson other = switch (random.nextInt(4)) {
            case 0 -> Filters.eq("version", (long) random.nextInt(3));
            case 1 -> Filters.eq("kind", random.nextBoolean() ? "x" : "y");
            case 2 -> Filters.or(Filters.exists("lease", false), Filters.lt("lease.until", random.nextInt(10)));
            default -> Filters.and(Filters.eq("kind", "x"), Filters.exists("lease"));
        };
        return Filters.and(byId, other);
    }

    private static List<String> ids(MongoCollection<Document> docs, Bson filter) {
        return docs.find(filter).sort(Sorts.ascending("_id")).map(d -> d.getString("_id")).into(new ArrayList<>());
    }

    private static MongoClient client(MongoWireStore store) {
        store.start("127.0.0.1", 0);
        return MongoClients.create(store.uri("t"));
    }
}
