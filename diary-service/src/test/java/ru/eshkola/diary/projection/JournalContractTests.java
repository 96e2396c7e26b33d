package ru.eshkola.diary.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import ru.eshkola.kit.events.EventJson;
import ru.eshkola.kit.testing.JsonSchemas;

/**
 * The diary reads the journal's published contract files, never the journal's classes: every example the journal
 * publishes is valid against the journal's schema and reads into this service's own record without violations.
 */
class JournalContractTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static Stream<String> handledTypes() {
        return JournalTypes.HANDLED.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handledTypes")
    void theJournalsExampleIsValidAndReadsIntoTheDiarysOwnRecord(String type) throws IOException {
        String json = example(type);
        JsonSchemas.assertValid(schema(type), json);
        Object event = EventJson.read(json.getBytes(), JournalTypes.HANDLED.get(type));
        assertThat(VALIDATOR.validate(event)).as(type).isEmpty();
    }

    @Test
    void everyTypeOnTheJournalsTopicsIsHandledOrKnowinglyIgnored() throws IOException {
        Path schemas = JsonSchemas.repositoryFile("journal-service/src/main/resources/contracts/schemas");
        Set<String> published;
        try (Stream<Path> files = Files.list(schemas)) {
            published = files.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toSet());
        }
        Set<String> known = new java.util.HashSet<>(JournalTypes.HANDLED.keySet());
        known.addAll(JournalTypes.IGNORED);
        assertThat(known).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void whatTheDiaryShowsIsThereInTheExamples() throws IOException {
        var grade = read("journal.grade.corrected.v1", JournalEvents.GradeChanged.class);
        assertThat(grade.value()).isEqualTo("4");
        assertThat(grade.previousValue()).isEqualTo("5");
        assertThat(grade.numericValue()).isEqualTo(4.0);
        assertThat(grade.weight()).isEqualTo(1.0);
        assertThat(grade.kind()).isEqualTo("ORAL_ANSWER");
        assertThat(grade.correctedAt()).isNotNull();
        assertThat(grade.version()).isEqualTo(2);
        var withdrawn = read("journal.grade.withdrawn.v1", JournalEvents.GradeChanged.class);
        assertThat(withdrawn.value()).as("a withdrawal has no value").isNull();
        var absence = read("journal.absence.corrected.v1", JournalEvents.AbsenceChanged.class);
        assertThat(absence.reasonCode()).isEqualTo("У");
        assertThat(absence.previousReasonCode()).isEqualTo("Б");
        var lesson = read("journal.lesson.recorded.v1", JournalEvents.LessonChanged.class);
        assertThat(lesson.homework().text()).isEqualTo("№ 245, 247");
        assertThat(lesson.topic()).isEqualTo("Решение линейных уравнений");
        var result = read("journal.period-result.corrected.v1", JournalEvents.PeriodResultChanged.class);
        assertThat(result.previousValue()).isEqualTo("4");
        assertThat(result.periodEnd()).isNotNull();
        var year = read("journal.school-year.configured.v1", JournalEvents.SchoolYearChanged.class);
        assertThat(year.periods()).hasSize(5);
        var timetable = read("journal.timetable.changed.v1", JournalEvents.TimetableChanged.class);
        assertThat(timetable.slots().getFirst().startTime()).isEqualTo("08:30");
        assertThat(timetable.changes().getFirst().kind()).isEqualTo("CANCELLED");
    }

    @Test
    void fieldsTheJournalAddsLaterAreIgnoredAndMissingOnesAreViolations() {
        var later = EventJson.read("""
                {"subjectId":"s1","name":"Математика","version":3,"curriculum":{"hours":5}}""".getBytes(),
                JournalEvents.SubjectDefined.class);
        assertThat(later.version()).isEqualTo(3);
        var noDate = EventJson.read("""
                {"gradeId":"g","studentId":"s","lessonId":"l","classId":"c","schoolId":"x","subjectId":"m",
                 "value":"5","weight":1,"version":1}""".getBytes(), JournalEvents.GradeChanged.class);
        assertThat(VALIDATOR.validate(noDate)).extracting(v -> v.getPropertyPath().toString())
                .containsExactly("lessonDate");
    }

    static String example(String type) throws IOException {
        return Files.readString(JsonSchemas.repositoryFile(
                "journal-service/src/main/resources/contracts/examples/" + type + ".json"));
    }

    static Path schema(String type) {
        return JsonSchemas.repositoryFile("journal-service/src/main/resources/contracts/schemas/" + type + ".json");
    }

    static <T> T read(String type, Class<T> record) throws IOException {
        return EventJson.read(example(type).getBytes(), record);
    }

    static Map<String, Class<?>> types() {
        return JournalTypes.HANDLED;
    }
}
