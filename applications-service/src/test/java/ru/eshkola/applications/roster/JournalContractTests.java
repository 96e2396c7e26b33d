package ru.eshkola.applications.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * This service reads the journal's published contract files, never the journal's classes: each example the journal
 * publishes is valid against the journal's schema, and reads into this service's own record without violations.
 */
class JournalContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "journal.school.registered.v1, SchoolRegistered",
            "journal.student.registered.v1, StudentChanged",
            "journal.student.updated.v1, StudentChanged",
            "journal.staff.registered.v1, StaffChanged",
            "journal.staff.updated.v1, StaffChanged",
            "journal.class.opened.v1, ClassChanged",
            "journal.class.updated.v1, ClassChanged",
            "journal.enrolment.started.v1, EnrolmentChanged",
            "journal.enrolment.ended.v1, EnrolmentChanged",
            "journal.assignment.started.v1, AssignmentChanged",
            "journal.assignment.ended.v1, AssignmentChanged"})
    void theJournalsExampleIsValidAndReadsIntoThisServicesOwnRecord(String type, String record) throws Exception {
        String json = Files.readString(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/examples/" + type + ".json"));
        JsonSchemas.assertValid(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/schemas/" + type + ".json"), json);

        Class<?> recordType = Class.forName(JournalEvents.class.getName() + "$" + record);
        Object event = EventJson.read(json.getBytes(), recordType);

        assertThat(VALIDATOR.validate(event)).as(type + " read as " + record).isEmpty();
    }

    @Test
    void whatTheServiceRelyOnIsThereInTheExamples() throws IOException {
        var student = read("journal.student.registered.v1", JournalEvents.StudentChanged.class);
        assertThat(student.birthDate()).isEqualTo(LocalDate.of(2013, 4, 17));
        assertThat(student.version()).isEqualTo(1);
        var ended = read("journal.enrolment.ended.v1", JournalEvents.EnrolmentChanged.class);
        assertThat(ended.endReason()).isEqualTo("LEFT_SCHOOL");
        assertThat(ended.to()).isNotNull();
        var staff = read("journal.staff.registered.v1", JournalEvents.StaffChanged.class);
        assertThat(staff.email()).contains("@");
        assertThat(Set.copyOf(staff.roles())).containsExactly("TEACHER");
        var school = read("journal.school.registered.v1", JournalEvents.SchoolRegistered.class);
        assertThat(school.timeZone()).isEqualTo("Asia/Yekaterinburg");
    }

    @Test
    void fieldsTheJournalAddsLaterAreIgnored() {
        String json = """
                {"studentId":"s1","lastName":"Иванова","firstName":"Анна","birthDate":"2013-04-17","version":3,
                 "snils":"000-000-000 00","photo":{"url":"x"}}""";
        assertThat(EventJson.read(json.getBytes(), JournalEvents.StudentChanged.class).version()).isEqualTo(3);
    }

    @Test
    void anEventWithoutWhatTheServiceNeedsIsInvalid() {
        var noBirthDate = EventJson.read("""
                {"studentId":"s1","lastName":"Иванова","firstName":"Анна","version":1}""".getBytes(),
                JournalEvents.StudentChanged.class);
        assertThat(VALIDATOR.validate(noBirthDate)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("birthDate");
    }

    private static <T> T read(String type, Class<T> record) throws IOException {
        return EventJson.read(Files.readString(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/examples/" + type + ".json")).getBytes(), record);
    }
}
