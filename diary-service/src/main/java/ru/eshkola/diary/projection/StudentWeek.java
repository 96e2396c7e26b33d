package ru.eshkola.diary.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's grades and absences of one week ({@code _id = <studentId>:<Monday>}): the student's part of the week
 * view in one document read by {@code _id}. Withdrawn entries stay as tombstones carrying their version, so that a
 * late, older event cannot bring them back; views leave them out.
 */
public class StudentWeek extends ProjectionDocument {

    public static final String COLLECTION = "student_weeks";

    String studentId;
    LocalDate weekStart;
    List<Grade> grades = new ArrayList<>();
    List<Absence> absences = new ArrayList<>();

    StudentWeek() {
    }

    static StudentWeek empty(String studentId, LocalDate monday) {
        StudentWeek week = new StudentWeek();
        week.id = id(studentId, monday);
        week.studentId = studentId;
        week.weekStart = monday;
        return week;
    }

    public static String id(String studentId, LocalDate day) {
        return studentId + ":" + Weeks.monday(day);
    }

    public record Grade(String gradeId, String lessonId, LocalDate lessonDate, String classId, String schoolId,
            String subjectId, String value, Double numericValue, String scale, double weight, String kind,
            String comment, Instant enteredAt, long version, boolean withdrawn, List<Correction> corrections) {

        Map<String, Object> summary() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("gradeId", gradeId);
            data.put("lessonId", lessonId);
            data.put("date", lessonDate.toString());
            data.put("subjectId", subjectId);
            data.put("value", withdrawn ? null : value);
            data.put("weight", weight);
            data.put("kind", kind);
            data.put("version", version);
            if (!corrections.isEmpty()) {
                Correction last = corrections.getLast();
                data.put("previousValue", last.from());
                data.put("correctedAt", last.correctedAt() == null ? null : last.correctedAt().toString());
            }
            return data;
        }
    }

    public record Absence(String absenceId, String lessonId, LocalDate lessonDate, Integer lessonNumber,
            String classId, String schoolId, String subjectId, String reason, String reasonCode, long version,
            boolean withdrawn, List<Correction> corrections) {

        Map<String, Object> summary() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("absenceId", absenceId);
            data.put("lessonId", lessonId);
            data.put("date", lessonDate.toString());
            data.put("lessonNumber", lessonNumber);
            data.put("subjectId", subjectId);
            data.put("reasonCode", withdrawn ? null : reasonCode);
            data.put("version", version);
            return data;
        }
    }

    /** Applies a grade event; returns the new entry when the event is newer than what is stored, else null. */
    Grade grade(JournalEvents.GradeChanged e, boolean withdrawn) {
        int index = indexOf(grades, e.gradeId());
        Grade current = index < 0 ? null : grades.get(index);
        Correction correction = e.correctedAt() == null ? null
                : new Correction(e.version(), e.previousValue(), withdrawn ? null : e.value(), e.correctedAt(),
                        e.reason());
        List<Correction> corrections = Correction.merge(current == null ? List.of() : current.corrections(),
                correction);
        if (current == null || e.version() > current.version()) {
            Grade next = new Grade(e.gradeId(), e.lessonId(), e.lessonDate(), e.classId(), e.schoolId(),
                    e.subjectId(), withdrawn ? null : e.value(), withdrawn ? null : e.numericValue(), e.scale(),
                    e.weight(), e.kind(), e.comment(), e.enteredAt(), e.version(), withdrawn, corrections);
            put(grades, index, next);
            return next;
        }
        if (!corrections.equals(current.corrections())) {
            current = new Grade(current.gradeId(), current.lessonId(), current.lessonDate(), current.classId(),
                    current.schoolId(), current.subjectId(), current.value(), current.numericValue(),
                    current.scale(), current.weight(), current.kind(), current.comment(), current.enteredAt(),
                    current.version(), current.withdrawn(), corrections);
            put(grades, index, current);
        }
        return null;
    }

    /** Applies an absence event; returns the new entry when the event is newer than what is stored, else null. */
    Absence absence(JournalEvents.AbsenceChanged e, boolean withdrawn) {
        int index = indexOfAbsence(e.absenceId());
        Absence current = index < 0 ? null : absences.get(index);
        Correction correction = e.correctedAt() == null ? null
                : new Correction(e.version(), e.previousReasonCode(), withdrawn ? null : e.reasonCode(),
                        e.correctedAt(), e.correctionReason());
        List<Correction> corrections = Correction.merge(current == null ? List.of() : current.corrections(),
                correction);
        if (current == null || e.version() > current.version()) {
            Absence next = new Absence(e.absenceId(), e.lessonId(), e.lessonDate(), e.lessonNumber(), e.classId(),
                    e.schoolId(), e.subjectId(), e.reason(), e.reasonCode(), e.version(), withdrawn, corrections);
            put(absences, index, next);
            return next;
        }
        if (!corrections.equals(current.corrections())) {
            current = new Absence(current.absenceId(), current.lessonId(), current.lessonDate(),
                    current.lessonNumber(), current.classId(), current.schoolId(), current.subjectId(),
                    current.reason(), current.reasonCode(), current.version(), current.withdrawn(), corrections);
            put(absences, index, current);
        }
        return null;
    }

    private int indexOf(List<Grade> list, String gradeId) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).gradeId().equals(gradeId)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfAbsence(String absenceId) {
        for (int i = 0; i < absences.size(); i++) {
            if (absences.get(i).absenceId().equals(absenceId)) {
                return i;
            }
        }
        return -1;
    }

    /** Replaces or adds; entries are kept sorted by id, so a document does not depend on the order events came in. */
    private void put(List<Grade> list, int index, Grade value) {
        if (index < 0) {
            list.add(value);
            list.sort(java.util.Comparator.comparing(Grade::gradeId));
        } else {
            list.set(index, value);
        }
    }

    private void put(List<Absence> list, int index, Absence value) {
        if (index < 0) {
            list.add(value);
            list.sort(java.util.Comparator.comparing(Absence::absenceId));
        } else {
            list.set(index, value);
        }
    }

    public String studentId() {
        return studentId;
    }

    public LocalDate weekStart() {
        return weekStart;
    }

    /** Every grade of the week, withdrawn ones included (they carry {@code withdrawn = true}). */
    public List<Grade> grades() {
        return List.copyOf(grades);
    }

    public List<Absence> absences() {
        return List.copyOf(absences);
    }
}
