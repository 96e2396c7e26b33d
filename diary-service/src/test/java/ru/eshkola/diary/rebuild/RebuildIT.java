package ru.eshkola.diary.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.diary.DiaryIntegrationTest;
import ru.eshkola.diary.JournalFeed;
import ru.eshkola.diary.projection.EventReader;
import ru.eshkola.diary.projection.Generations;
import ru.eshkola.diary.projection.ProjectionWriter;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.kit.testing.TestTokens;

/** The operator's rebuild replays the journal's topics into a fresh generation with the same result. */
class RebuildIT extends DiaryIntegrationTest {

    static final LocalDate TUESDAY = LocalDate.of(2026, 11, 24);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Generations generations;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    @Test
    void aRebuildFromTheTopicsGivesTheSameProjectionAndLiveChangesMeanwhileAreNotLost() throws Exception {
        JournalFeed feed = journal();
        JournalFeed.World w = feed.world("Павлова", "Софья");
        Http guardian = guardianOf(w, EventIds.next());
        String lesson = EventIds.next();
        feed.send("journal.lessons", "journal.lesson.recorded.v1", w.classId(), feed.lesson(w, lesson, TUESDAY,
                "Дроби"));
        ObjectNode four = feed.grade(w, lesson, TUESDAY, lesson + ":1", "4", 1, "TEST", 1);
        ObjectNode two = feed.grade(w, lesson, TUESDAY, lesson + ":2", "2", 1, "HOMEWORK", 1);
        feed.grades("journal.grade.recorded.v1", four);
        feed.grades("journal.grade.recorded.v1", two);
        feed.grades("journal.grade.corrected.v1", feed.correction(four, "5", 2, "2026-11-24T09:30:00Z"));
        feed.grades("journal.grade.withdrawn.v1", feed.withdrawal(two, 2));
        feed.send("journal.absences", "journal.absence.recorded.v1", w.studentId(),
                feed.absence(w, EventIds.next(), TUESDAY, "VALID", "У", 1));
        feed.send("journal.period-results", "journal.period-result.recorded.v1", w.studentId(),
                feed.periodResult(w, "5", 1));
        awaitJson(guardian, week(w, TUESDAY), v -> v.at("/corrections").size() == 2
                && v.toString().contains("\"reasonCode\":\"У\""));
        awaitCaughtUp();
        int before = generations.current();
        Map<String, List<Document>> live = snapshot(before);
        assertThat(live.get("student_weeks")).as("something to compare").isNotEmpty();

        SecurityConventions.assertForbidden(guardian.post("/api/v1/admin/projection/rebuild", ""), "a guardian");
        Http operator = as(TestTokens.regionalOperator("operator-" + EventIds.next(), "66"));
        var started = operator.post("/api/v1/admin/projection/rebuild", "");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String status = started.headers().firstValue("Location").orElseThrow();
        // the diary is still live while the rebuild runs: this grade reaches the new generation too
        String during = EventIds.next();
        feed.grades("journal.grade.recorded.v1", feed.grade(w, during, TUESDAY, during + ":1", "3", 1, "TEST", 1));

        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> Set.of("DONE", "FAILED").contains(json(operator.get(status)).at("/state").asString()));
        JsonNode done = json(operator.get(status));
        assertThat(done.at("/state").asString()).as(done.toString()).isEqualTo("DONE");
        assertThat(done.at("/toGeneration").asInt()).isEqualTo(before + 1);
        assertThat(done.at("/eventsApplied").asLong()).isPositive();
        assertThat(generations.current()).isEqualTo(before + 1);
        assertThat(json(operator.get("/api/v1/admin/projection")).at("/generation").asInt()).isEqualTo(before + 1);

        JsonNode week = awaitJson(guardian, week(w, TUESDAY), v -> v.toString().contains("\"value\":\"3\""));
        assertThat(week.at("/corrections").size()).isEqualTo(2);

        awaitCaughtUp();
        Map<String, List<Document>> rebuilt = snapshot(before + 1);
        Map<String, List<Document>> previous = snapshot(before);
        assertThat(rebuilt.keySet()).isEqualTo(previous.keySet());
        for (String collection : previous.keySet()) {
            assertThat(rebuilt.get(collection)).as(collection + " after the rebuild")
                    .containsExactlyElementsOf(previous.get(collection));
        }
    }

    /** Every document of every collection of a generation, by collection, sorted by id, without write counters. */
    private Map<String, List<Document>> snapshot(int generation) {
        Map<String, List<Document>> snapshot = new LinkedHashMap<>();
        for (String collection : ProjectionWriter.collections(generation)) {
            List<Document> documents = new ArrayList<>();
            mongo.getCollection(collection).find().forEach(d -> {
                d.remove("rev");
                documents.add(d);
            });
            documents.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
            snapshot.put(collection.substring(0, collection.lastIndexOf("_g")), documents);
        }
        return snapshot;
    }

    /** Waits until live consumption has committed everything on the journal's topics. */
    private void awaitCaughtUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                for (String topic : EventReader.topics()) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                }
                Map<TopicPartition, Long> ends = admin.listOffsets(latest).all().get().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
                return ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        }
    }
}
