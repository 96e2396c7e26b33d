package ru.eshkola.journal.subjects;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/** A subject of the region's catalogue (Математика, Русский язык, …). */
@Document("subjects")
class Subject extends OutboxAggregate {

    static final EventRoute DEFINED = new EventRoute("journal.subject.defined.v1", "journal.subjects");

    @Id
    private String id;
    @Version
    private Long version;
    private String code;
    private String name;
    private String shortName;
    private int revision;
    private Instant changedAt;

    Subject() {
    }

    Subject(String id, String code) {
        this.id = id;
        this.code = code;
    }

    boolean define(String name, String shortName, Instant now) {
        if (name.equals(this.name) && shortName.equals(this.shortName)) {
            return false;
        }
        this.name = name;
        this.shortName = shortName;
        revision++;
        changedAt = now;
        recordEvent(DEFINED, id, id, now, new SubjectDefined(id, code, name, shortName, revision, now));
        return true;
    }

    String id() {
        return id;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String shortName() {
        return shortName;
    }

    int revision() {
        return revision;
    }

    record SubjectDefined(String subjectId, String code, String name, String shortName, int version,
            Instant changedAt) {
    }
}
