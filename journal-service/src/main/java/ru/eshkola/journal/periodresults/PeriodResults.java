package ru.eshkola.journal.periodresults;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import ru.eshkola.kit.outbox.EventRoute;
import ru.eshkola.kit.outbox.OutboxAggregate;

/**
 * The period marks (quarter, trimester, half-year or year) of one class in one subject: a teacher enters them for
 * the whole class at once, one document write. Corrections keep the old mark.
 */
@Document("period_results")
class PeriodResults extends OutboxAggregate {

    static final EventRoute RECORDED = new EventRoute("journal.period-result.recorded.v1", "journal.period-results");
    static final EventRoute CORRECTED = new EventRoute("journal.period-result.corrected.v1", "journal.period-results");

    @Id
    private String id;
    @Version
    private Long version;
    private String classId;
    private String schoolId;
    private String subjectId;
    private String schoolYear;
    private String periodId;
    private String periodKind;
    private int periodNumber;
    private LocalDate periodEnd;
    private List<Result> results = new ArrayList<>();

    PeriodResults() {
    }

    PeriodResults(String id, String classId, String schoolId, String subjectId, String schoolYear, String periodId,
            String periodKind, int periodNumber, LocalDate periodEnd) {
        this.id = id;
        this.classId = classId;
        this.schoolId = schoolId;
        this.subjectId = subjectId;
        this.schoolYear = schoolYear;
        this.periodId = periodId;
        this.periodKind = periodKind;
        this.periodNumber = periodNumber;
        this.periodEnd = periodEnd;
    }

    /** Records or corrects one student's mark; false when it is already that mark. */
    boolean enter(Mark mark, String reason, Instant now, String actor) {
        Optional<Result> existing = results.stream().filter(r -> r.studentId().equals(mark.studentId())).findFirst();
        if (existing.isEmpty()) {
            Result result = new Result(mark.studentId(), mark, now, actor, 1, now, actor, List.of());
            results.add(result);
            recordEvent(RECORDED, mark.studentId(), resultId(mark.studentId()), now, data(result, null, null));
            return true;
        }
        Result old = existing.get();
        if (old.mark().sameAs(mark)) {
            return false;
        }
        List<Correction> corrections = new ArrayList<>(old.corrections());
        corrections.add(new Correction(old.version(), old.mark(), old.changedAt(), old.changedBy(), reason));
        Result corrected = new Result(old.studentId(), mark, old.enteredAt(), old.enteredBy(), old.version() + 1, now,
                actor, List.copyOf(corrections));
        results.set(results.indexOf(old), corrected);
        recordEvent(CORRECTED, mark.studentId(), resultId(mark.studentId()), now, data(corrected, old.mark(), reason));
        return true;
    }

    private String resultId(String studentId) {
        return periodId + ":" + subjectId + ":" + studentId;
    }

    private ResultData data(Result r, Mark previous, String reason) {
        boolean correction = previous != null;
        return new ResultData(resultId(r.studentId()), r.studentId(), classId, schoolId, subjectId, schoolYear,
                periodId, periodKind, periodNumber, periodEnd, r.mark().value(), r.mark().numeric(), r.mark().scale(),
                r.enteredAt(), r.enteredBy(), r.version(), correction ? previous.value() : null,
                correction ? previous.numeric() : null, correction ? reason : null,
                correction ? r.changedAt() : null, correction ? r.changedBy() : null);
    }

    String id() {
        return id;
    }

    String classId() {
        return classId;
    }

    String subjectId() {
        return subjectId;
    }

    String schoolId() {
        return schoolId;
    }

    String periodId() {
        return periodId;
    }

    String periodKind() {
        return periodKind;
    }

    LocalDate periodEnd() {
        return periodEnd;
    }

    List<Result> results() {
        return List.copyOf(results);
    }

    record Mark(String studentId, String value, Double numeric, String scale) {

        boolean sameAs(Mark other) {
            return value.equals(other.value) && scale.equals(other.scale);
        }
    }

    /** @param enteredAt the first entry: period results are due two days after the period ends */
    record Result(String studentId, Mark mark, Instant enteredAt, String enteredBy, int version, Instant changedAt,
            String changedBy, List<Correction> corrections) {
    }

    /** A replaced mark; {@code reason} is the reason of the change that replaced it. */
    record Correction(int version, Mark mark, Instant since, String by, String reason) {
    }

    /** Data of {@code journal.period-result.recorded.v1} and {@code .corrected.v1}. */
    record ResultData(String resultId, String studentId, String classId, String schoolId, String subjectId,
            String schoolYear, String periodId, String periodKind, int periodNumber, LocalDate periodEnd, String value,
            Double numericValue, String scale, Instant enteredAt, String enteredBy, int version, String previousValue,
            Double previousNumericValue, String reason, Instant correctedAt, String correctedBy) {
    }
}
