package ru.eshkola.diary.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ru.eshkola.diary.projection.Correction;

/** What the diary's REST API returns: plain records in a stable JSON shape. */
public final class DiaryViews {

    private DiaryViews() {
    }

    /** An id with the name to show for it (null while the journal has not told the name yet). */
    public record Ref(String id, String name) {
    }

    public record WeekView(String studentId, String studentName, LocalDate weekStart, LocalDate weekEnd, List<Day> days,
            List<CorrectionView> corrections) {
    }

    public record Day(LocalDate date, List<LessonView> lessons) {
    }

    /**
     * A lesson of the day: the timetable's slot joined with what the teacher recorded.
     *
     * @param status SCHEDULED (in the timetable, nothing recorded yet), CONDUCTED or CANCELLED
     * @param change the timetable's one-off change of the day: REPLACED, ADDED or CANCELLED
     */
    public record LessonView(Integer lessonNumber, String startTime, String endTime, Ref subject, Ref teacher, String room,
            String status, String change, String changeNote, String lessonId, String topic, HomeworkView homework,
            List<GradeView> grades, AbsenceView absence) {
    }

    public record HomeworkView(String text, LocalDate dueDate) {
    }

    public record GradeView(String gradeId, String value, Double numericValue, double weight, String kind, String comment,
            Instant enteredAt, List<Correction> corrections) {
    }

    public record AbsenceView(String reason, String reasonCode, List<Correction> corrections) {
    }

    /** "4 → 5, corrected on 24.11.2026": a change a parent can see; {@code to} is null for a withdrawn entry. */
    public record CorrectionView(String entry, String entryId, LocalDate date, Ref subject, String from, String to,
            Instant correctedAt, String reason) {
    }

    public record PeriodRef(String periodId, String kind, int number, LocalDate start, LocalDate end, String schoolYear) {
    }

    public record DatedGrade(LocalDate date, GradeView grade) {
    }

    public record ResultView(String value, Double numericValue, List<Correction> corrections) {
    }

    public record SubjectView(String studentId, Ref subject, PeriodRef period, List<DatedGrade> grades,
            Double weightedAverage, ResultView periodResult, int absences) {
    }

    public record SubjectRow(Ref subject, List<String> grades, int gradeCount, Double weightedAverage,
            ResultView periodResult, int absences, int absencesIllness, int absencesValid, int absencesUnexcused) {
    }

    public record PeriodSummary(String studentId, String studentName, PeriodRef period, List<SubjectRow> subjects,
            int absences) {
    }
}
