package ru.eshkola.diary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.JsonSchemas;

/** Plays applications-service in tests: access grants and revocations, blocked accounts, granted applications. */
public final class ApplicationsFeed {

    private final JournalFeed wire;

    public ApplicationsFeed(JournalFeed wire) {
        this.wire = wire;
    }

    public static ObjectNode example(String type) {
        try {
            return (ObjectNode) JournalFeed.JSON.readTree(Files.readString(JsonSchemas.repositoryFile(
                    "applications-service/src/main/resources/contracts/examples/" + type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The account may read the student's diary from 1 September 2026; returns the access id. */
    public String grant(String guardianAccountId, String studentId) {
        String accessId = EventIds.next();
        send("applications.access", "applications.access.granted.v1", studentId,
                access(accessId, guardianAccountId, studentId, 1));
        return accessId;
    }

    public void revoke(String accessId, String guardianAccountId, String studentId) {
        send("applications.access", "applications.access.revoked.v1", studentId,
                access(accessId, guardianAccountId, studentId, 2).put("to", "2026-11-25")
                        .put("reason", "APPLICANT_REQUEST"));
    }

    public ObjectNode access(String accessId, String guardianAccountId, String studentId, int version) {
        return example("applications.access.granted.v1").put("accessId", accessId)
                .put("guardianAccountId", guardianAccountId).put("studentId", studentId).put("from", "2026-09-01")
                .put("version", version);
    }

    public void block(String accountId, Instant tokensInvalidBefore) {
        send("applications.accounts", "applications.account.blocked.v1", accountId,
                example("applications.account.blocked.v1").put("accountId", accountId)
                        .put("tokensInvalidBefore", tokensInvalidBefore.toString())
                        .put("blockedAt", tokensInvalidBefore.toString()));
    }

    /** A granted application for a paper extract of the students for a period; returns the application id. */
    public String extractGranted(String schoolId, List<String> studentIds, String from, String to) {
        String id = EventIds.next();
        ObjectNode data = example("applications.application.granted.v1").put("applicationId", id)
                .put("schoolId", schoolId).put("kind", "PAPER_EXTRACT");
        var students = data.putArray("studentIds");
        studentIds.forEach(students::add);
        data.putObject("extractPeriod").put("from", from).put("to", to);
        send("applications.applications", "applications.application.granted.v1", id, data);
        return id;
    }

    public void send(String topic, String type, String key, ObjectNode data) {
        wire.sendRaw(topic, key, JournalFeed.JSON.writeValueAsBytes(data), List.of("ce_specversion", "1.0", "ce_id",
                EventIds.next(), "ce_type", type, "ce_source", "/applications-service", "ce_subject", key, "ce_time",
                Instant.now().toString(), "content-type", "application/json"));
    }
}
