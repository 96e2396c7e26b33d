package ru.eshkola.journal.periodresults;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.scales.GradeScale;
import ru.eshkola.journal.scales.GradeScales;
import ru.eshkola.journal.schoolyears.SchoolCalendar;
import ru.eshkola.journal.schoolyears.SchoolYear;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.kit.problems.FieldProblem;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.journal.access.AuditTrail;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

/**
 * Period marks: entered for a class and subject per period; a student must have been in the class during the
 * period. Once the school year is closed, every change needs a reason.
 */
@RestController
@Validated
@Tag(name = "Period results", description = "Quarter, trimester, half-year and year marks")
public class PeriodMarks {

    private final PeriodResultsRepository repository;
    private final ClassRoster classes;
    private final SubjectCatalog subjects;
    private final SchoolCalendar calendar;
    private final GradeScales scales;
    private final JournalAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    PeriodMarks(PeriodResultsRepository repository, ClassRoster classes, SubjectCatalog subjects,
            SchoolCalendar calendar, GradeScales scales, JournalAccess access, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.classes = classes;
        this.subjects = subjects;
        this.calendar = calendar;
        this.scales = scales;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record EnterResults(@NotEmpty @Size(max = 100) List<@Valid @NotNull StudentMark> results,
            @Size(max = 500) String reason) {
    }

    public record StudentMark(@NotBlank @Size(max = 64) String studentId, @NotBlank @Size(max = 20) String value,
            @Size(max = 40) String scale) {
    }

    record ResultsView(String classId, String subjectId, String periodId, String periodKind, LocalDate periodEnd,
            List<ResultView> results) {

        static ResultsView of(PeriodResults r) {
            return new ResultsView(r.classId(), r.subjectId(), r.periodId(), r.periodKind(), r.periodEnd(),
                    r.results().stream().map(x -> new ResultView(x.studentId(), x.mark().value(), x.mark().scale(),
                            x.version(), x.enteredAt(), x.enteredBy(), x.changedAt(), x.changedBy(),
                            x.corrections())).toList());
        }
    }

    record ResultView(String studentId, String value, String scale, int version, Instant enteredAt,
            String enteredBy, Instant changedAt, String changedBy, List<PeriodResults.Correction> history) {
    }

    @PutMapping("/api/v1/classes/{classId}/subjects/{subjectId}/periods/{periodId}/results")
    @Operation(summary = "Enter or correct the period marks of a class in a subject",
            description = "Listed students only; publishes journal.period-result.recorded.v1 / corrected.v1. A teacher "
                    + "of the subject in the class during the period, or the school's administrator.")
    ResultsView enter(@PathVariable String classId, @PathVariable String subjectId, @PathVariable String periodId,
            @Valid @RequestBody EnterResults request, Caller caller) {
        PeriodResults results = enter(classId, subjectId, periodId, request, caller.accountId(), clock.instant(),
                caller);
        audit.changed(caller, results.schoolId(), request.results().stream().map(StudentMark::studentId).toList());
        return ResultsView.of(results);
    }

    @GetMapping("/api/v1/classes/{classId}/subjects/{subjectId}/periods/{periodId}/results")
    @Operation(summary = "The period marks of a class in a subject",
            description = "A teacher of the class during the period (any subject; the class teacher) or the school's "
                    + "administrator")
    ResultsView get(@PathVariable String classId, @PathVariable String subjectId, @PathVariable String periodId,
            Caller caller) {
        PeriodResults results = repository.findById(id(classId, subjectId, periodId)).orElseThrow(
                () -> ProblemException.notFound("period results", periodId + " of class " + classId));
        ClassRoster.ClassInfo schoolClass = classOf(classId);
        SchoolYear.Period period = yearOf(schoolClass).period(periodId)
                .orElseThrow(() -> ProblemException.notFound("period", periodId));
        List<String> students = results.results().stream().map(PeriodResults.Result::studentId).toList();
        access.requirePeriodResultsRead(caller, schoolClass.scope(), period.start(), period.end(), students);
        audit.read(caller, schoolClass.schoolId(), students);
        return ResultsView.of(results);
    }

    /** Enters marks on the journal's own behalf; {@code now} is the entry time, or the original one for history. */
    public void enterAt(String classId, String subjectId, String periodId, EnterResults request, String actor,
            Instant now) {
        enter(classId, subjectId, periodId, request, actor, now, null);
    }

    private PeriodResults enter(String classId, String subjectId, String periodId, EnterResults request,
            String actor, Instant now, Caller caller) {
        ClassRoster.ClassInfo schoolClass = classOf(classId);
        subjects.find(subjectId).orElseThrow(() -> ProblemException.notFound("subject", subjectId));
        SchoolYear year = yearOf(schoolClass);
        SchoolYear.Period period = year.period(periodId)
                .orElseThrow(() -> ProblemException.notFound("period", periodId + " in " + year.label()));
        if (caller != null) {
            access.requirePeriodResultsEntry(caller, schoolClass.scope(), subjectId, period.start(), period.end(),
                    request.results().stream().map(StudentMark::studentId).toList());
        }
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        if (year.closed() && reason == null) {
            throw ProblemException.invalid("reason", "the school year " + year.label()
                    + " is closed: a period result can only be corrected with a reason");
        }
        List<String> inClass = schoolClass.studentsBetween(period.start(), period.end());
        List<FieldProblem> problems = new ArrayList<>();
        List<PeriodResults.Mark> marks = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.results().size(); i++) {
            StudentMark m = request.results().get(i);
            String field = "results[" + i + "]";
            if (!inClass.contains(m.studentId())) {
                problems.add(new FieldProblem(field + ".studentId", "student " + m.studentId() + " was not in "
                        + schoolClass.name() + " during the period"));
            }
            if (!seen.add(m.studentId())) {
                problems.add(new FieldProblem(field + ".studentId", "is listed twice"));
            }
            String scaleId = m.scale() != null ? m.scale() : GradeScales.FIVE_POINT;
            GradeScale scale;
            try {
                scale = scales.require(field + ".scale", scaleId);
            } catch (ProblemException unknown) {
                problems.addAll(unknown.errors());
                continue;
            }
            var value = scale.value(m.value());
            if (value.isEmpty()) {
                problems.add(new FieldProblem(field + ".value", "is not on the " + scale.name() + " scale"));
                continue;
            }
            marks.add(new PeriodResults.Mark(m.studentId(), value.get().code(), value.get().numeric(), scaleId));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        String id = id(classId, subjectId, periodId);
        PeriodResults results = repository.findById(id).orElseGet(() -> new PeriodResults(id, classId,
                schoolClass.schoolId(), subjectId, year.label(), periodId, period.kind().name(), period.number(),
                period.end()));
        boolean changed = false;
        for (PeriodResults.Mark mark : marks) {
            changed |= results.enter(mark, reason, now, actor);
        }
        return changed ? repository.save(results) : results;
    }

    private ClassRoster.ClassInfo classOf(String classId) {
        return classes.find(classId).orElseThrow(() -> ProblemException.notFound("class", classId));
    }

    private SchoolYear yearOf(ClassRoster.ClassInfo schoolClass) {
        return calendar.year(SchoolCalendar.yearId(schoolClass.schoolId(), schoolClass.schoolYear()))
                .orElseThrow(() -> ProblemException.conflict("school-year-not-configured", "the school year "
                        + schoolClass.schoolYear() + " of the class is not configured"));
    }

    static String id(String classId, String subjectId, String periodId) {
        return ru.eshkola.kit.events.EventIds.fromKey("period-results", classId, subjectId, periodId);
    }
}
