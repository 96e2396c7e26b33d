package ru.eshkola.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * This service reads its producers' published contract files, never their classes: every example each producer
 * publishes is valid against the producer's own schema and reads into this service's tolerant record without a
 * violation — for every type it consumes.
 */
class ConsumedContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "journal-service, journal.school.registered.v1, contacts.ContactEvents$SchoolRegistered",
            "journal-service, journal.staff.registered.v1, contacts.ContactEvents$StaffChanged",
            "journal-service, journal.staff.updated.v1, contacts.ContactEvents$StaffChanged",
            "journal-service, journal.student.registered.v1, contacts.ContactEvents$StudentChanged",
            "journal-service, journal.student.updated.v1, contacts.ContactEvents$StudentChanged",
            "journal-service, journal.subject.defined.v1, contacts.ContactEvents$SubjectDefined",
            "journal-service, journal.class.opened.v1, contacts.ContactEvents$ClassChanged",
            "journal-service, journal.class.updated.v1, contacts.ContactEvents$ClassChanged",
            "applications-service, applications.access.granted.v1, contacts.ContactEvents$AccessChanged",
            "applications-service, applications.access.revoked.v1, contacts.ContactEvents$AccessChanged",
            "applications-service, applications.consent.given.v1, contacts.ContactEvents$ConsentChanged",
            "applications-service, applications.consent.withdrawn.v1, contacts.ContactEvents$ConsentChanged",
            "applications-service, applications.account.issued.v1, applicants.ApplicantEvents$AccountIssued",
            "applications-service, applications.account.blocked.v1, applicants.ApplicantEvents$AccountBlocked",
            "applications-service, applications.application.refused.v1, applicants.ApplicantEvents$ApplicationRefused",
            "applications-service, applications.application.terminated.v1, applicants.ApplicantEvents$ApplicationTerminated",
            "applications-service, applications.complaint.answered.v1, applicants.ApplicantEvents$ComplaintAnswered",
            "journal-service, journal.grade.recorded.v1, progress.ProgressEvents$GradeChanged",
            "journal-service, journal.grade.corrected.v1, progress.ProgressEvents$GradeChanged",
            "journal-service, journal.grade.withdrawn.v1, progress.ProgressEvents$GradeChanged",
            "journal-service, journal.absence.recorded.v1, progress.ProgressEvents$AbsenceChanged",
            "journal-service, journal.absence.corrected.v1, progress.ProgressEvents$AbsenceChanged",
            "journal-service, journal.absence.withdrawn.v1, progress.ProgressEvents$AbsenceChanged",
            "journal-service, journal.period-result.recorded.v1, progress.ProgressEvents$PeriodResultChanged",
            "journal-service, journal.period-result.corrected.v1, progress.ProgressEvents$PeriodResultChanged",
            "monitoring-service, monitoring.violation.opened.v1, violations.ViolationEvents$ViolationChanged",
            "monitoring-service, monitoring.violation.closed.v1, violations.ViolationEvents$ViolationChanged",
            "diary-service, diary.extract.ready.v1, extracts.ExtractEvents$ExtractReady"})
    void theProducersExampleIsValidAndReadsIntoThisServicesOwnRecord(String producer, String type, String record)
            throws Exception {
        String json = Files.readString(JsonSchemas.repositoryFile(
                producer + "/src/main/resources/contracts/examples/" + type + ".json"));
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                producer + "/src/main/resources/contracts/schemas/" + type + ".json"), json);

        Object event = EventJson.read(json.getBytes(), Class.forName("ru.eshkola.notification." + record));

        assertThat(VALIDATOR.validate(event)).as(type + " read as " + record).isEmpty();
    }

    @Test
    void fieldsAProducerAddsLaterAreIgnoredAndWhatTheMailsNeedIsRequired() throws Exception {
        Class<?> grade = Class.forName("ru.eshkola.notification.progress.ProgressEvents$GradeChanged");
        Object withExtra = EventJson.read("""
                {"gradeId":"g","studentId":"s","lessonDate":"2026-11-24","schoolId":"x","subjectId":"m","value":"5",
                 "enteredAt":"2026-11-24T05:10:00Z","version":1,"someFutureField":{"a":1}}""".getBytes(), grade);
        assertThat(VALIDATOR.validate(withExtra)).isEmpty();
        Object noStudent = EventJson.read("""
                {"gradeId":"g","lessonDate":"2026-11-24","schoolId":"x","subjectId":"m","value":"5",
                 "enteredAt":"2026-11-24T05:10:00Z","version":1}""".getBytes(), grade);
        assertThat(VALIDATOR.validate(noStudent)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("studentId");
    }
}
