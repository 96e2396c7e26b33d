package ru.eshkola.journal.lessons;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What clients send about lessons. Shapes only; the journal's rules are checked by {@link LessonBook}. */
public final class LessonRequests {

    private LessonRequests() {
    }

    /** A whole lesson as a teacher submits it: the lesson's record, every grade and every absence. */
    public record SubmitLesson(
            @NotBlank @Size(max = 64) String classId,
            @NotBlank @Size(max = 64) String subjectId,
            @NotBlank @Size(max = 64) String teacherId,
            @Size(max = 64) String substituteTeacherId,
            @NotNull LocalDate date,
            @Min(0) @Max(12) Integer lessonNumber,
            @Size(max = 40) String group,
            LessonKind kind,
            @Size(max = 1000) String topic,
            @Valid HomeworkRequest homework,
            @Size(max = 100) List<@Valid @NotNull GradeRequest> grades,
            @Size(max = 100) List<@Valid @NotNull AbsenceRequest> absences,
            @Size(max = 500) String reason) {

        LessonKind kindOrDefault() {
            return kind == null ? LessonKind.LESSON : kind;
        }

        List<GradeRequest> gradesOrEmpty() {
            return grades == null ? List.of() : grades;
        }

        List<AbsenceRequest> absencesOrEmpty() {
            return absences == null ? List.of() : absences;
        }
    }

    public record HomeworkRequest(@NotBlank @Size(max = 4000) String text, @NotNull LocalDate dueDate) {
    }

    public record GradeRequest(
            @NotBlank @Size(max = 64) String studentId,
            @NotBlank @Size(max = 20) String value,
            @Size(max = 40) String scale,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double weight,
            GradeKind kind,
            @Size(max = 1000) String comment) {

        GradeKind kindOrDefault() {
            return kind == null ? GradeKind.ORAL_ANSWER : kind;
        }
    }

    public record AbsenceRequest(@NotBlank @Size(max = 64) String studentId, @NotNull AbsenceReason reason) {
    }

    /** A correction of one grade. */
    public record CorrectGrade(
            @NotBlank @Size(max = 20) String value,
            @Size(max = 40) String scale,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("10") Double weight,
            @Size(max = 1000) String comment,
            @Size(max = 500) String reason) {
    }

    public record Reason(@Size(max = 500) String reason) {
    }
}
