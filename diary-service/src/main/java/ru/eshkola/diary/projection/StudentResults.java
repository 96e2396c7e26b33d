package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One student's period and year marks of one school year ({@code _id = <studentId>:<schoolYear>}), with their
 * corrections.
 */
public class StudentResults extends ProjectionDocument {

    public static final String COLLECTION = "student_results";

    String studentId;
    String schoolYear;
    List<Result> results = new ArrayList<>();

    StudentResults() {
    }

    static StudentResults empty(String studentId, String schoolYear) {
        StudentResults doc = new StudentResults();
        doc.id = id(studentId, schoolYear);
        doc.studentId = studentId;
        doc.schoolYear = schoolYear;
        return doc;
    }

    public static String id(String studentId, String schoolYear) {
        return studentId + ":" + schoolYear;
    }

    public record Result(String resultId, String classId, String schoolId, String subjectId, String periodId,
            String periodKind, Integer periodNumber, LocalDate periodEnd, String value, Double numericValue,
            long version, List<Correction> corrections) {

        Map<String, Object> summary() {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("resultId", resultId);
            data.put("subjectId", subjectId);
            data.put("periodId", periodId);
            data.put("value", value);
            data.put("version", version);
            if (!corrections.isEmpty()) {
                data.put("previousValue", corrections.getLast().from());
            }
            return data;
        }
    }

    Result result(JournalEvents.PeriodResultChanged e) {
        int index = -1;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).resultId().equals(e.resultId())) {
                index = i;
            }
        }
        Result current = index < 0 ? null : results.get(index);
        Correction correction = e.correctedAt() == null ? null
                : new Correction(e.version(), e.previousValue(), e.value(), e.correctedAt(), e.reason());
        List<Correction> corrections = Correction.merge(current == null ? List.of() : current.corrections(),
                correction);
        if (current == null || e.version() > current.version()) {
            Result next = new Result(e.resultId(), e.classId(), e.schoolId(), e.subjectId(), e.periodId(),
                    e.periodKind(), e.periodNumber(), e.periodEnd(), e.value(), e.numericValue(), e.version(),
                    corrections);
            if (index < 0) {
                results.add(next);
                results.sort(java.util.Comparator.comparing(Result::resultId));
            } else {
                results.set(index, next);
            }
            return next;
        }
        if (!corrections.equals(current.corrections())) {
            current = new Result(current.resultId(), current.classId(), current.schoolId(), current.subjectId(),
                    current.periodId(), current.periodKind(), current.periodNumber(), current.periodEnd(),
                    current.value(), current.numericValue(), current.version(), corrections);
            results.set(index, current);
        }
        return null;
    }

    public String studentId() {
        return studentId;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public List<Result> results() {
        return List.copyOf(results);
    }
}
