package ru.eshkola.diary.extracts;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * A journal extract (выписка из классного журнала) for a student and a period, rendered once when the school grants
 * an application for it, kept with its PDF, and announced by {@code diary.extract.ready.v1} in the same write.
 * The id is derived from the application and the student, so a redelivered grant makes no second extract.
 */
@Document("extracts")
class Extract extends OutboxAggregate {

    static final EventRoute READY = new EventRoute("diary.extract.ready.v1", "diary.extracts");

    @Id
    private String id;
    @Version
    private Long version;
    private String applicationId;
    private String studentId;
    private String schoolId;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private byte[] pdf;
    private int pages;
    private Instant readyAt;

    Extract() {
    }

    static Extract ready(String id, String applicationId, String studentId, String schoolId, LocalDate from,
            LocalDate to, ExtractRenderer.Rendered rendered, Instant now) {
        Extract extract = new Extract();
        extract.id = id;
        extract.applicationId = applicationId;
        extract.studentId = studentId;
        extract.schoolId = schoolId;
        extract.periodFrom = from;
        extract.periodTo = to;
        extract.pdf = rendered.pdf();
        extract.pages = rendered.pages();
        extract.readyAt = now;
        extract.recordEvent(READY, studentId, id, now, new ExtractReady(id, applicationId, studentId, schoolId, from,
                to, downloadPath(id), rendered.pages(), now, 1));
        return extract;
    }

    static String downloadPath(String id) {
        return "/api/v1/extracts/" + id + ".pdf";
    }

    String id() {
        return id;
    }

    String studentId() {
        return studentId;
    }

    String schoolId() {
        return schoolId;
    }

    byte[] pdf() {
        return pdf;
    }

    /** Data of {@code diary.extract.ready.v1}: ids, the period and where to download it; no personal data. */
    record ExtractReady(String extractId, String applicationId, String studentId, String schoolId,
            LocalDate periodFrom, LocalDate periodTo, String downloadPath, int pages, Instant readyAt, int version) {
    }
}
