package ru.eshkola.diary.views;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import ru.eshkola.diary.projection.ClassWeek;
import ru.eshkola.diary.projection.Enrolment;
import ru.eshkola.diary.projection.Projection;
import ru.eshkola.diary.projection.SchoolCard;
import ru.eshkola.diary.projection.StaffCard;
import ru.eshkola.diary.projection.StudentCard;
import ru.eshkola.diary.projection.StudentResults;
import ru.eshkola.diary.projection.StudentWeek;
import ru.eshkola.diary.projection.SubjectCard;
import ru.eshkola.diary.projection.TimetableCard;
import ru.eshkola.diary.projection.Weeks;
import ru.eshkola.diary.views.DiaryViews.AbsenceView;
import ru.eshkola.diary.views.DiaryViews.CorrectionView;
import ru.eshkola.diary.views.DiaryViews.DatedGrade;
import ru.eshkola.diary.views.DiaryViews.Day;
import ru.eshkola.diary.views.DiaryViews.GradeView;
import ru.eshkola.diary.views.DiaryViews.HomeworkView;
import ru.eshkola.diary.views.DiaryViews.LessonView;
import ru.eshkola.diary.views.DiaryViews.PeriodRef;
import ru.eshkola.diary.views.DiaryViews.PeriodSummary;
import ru.eshkola.diary.views.DiaryViews.Ref;
import ru.eshkola.diary.views.DiaryViews.ResultView;
import ru.eshkola.diary.views.DiaryViews.SubjectRow;
import ru.eshkola.diary.views.DiaryViews.SubjectView;
import ru.eshkola.diary.views.DiaryViews.WeekView;
import ru.eshkola.kit.problems.ProblemException;

/**
 * Builds the diary's views from the projection. The week view costs two fresh reads by {@code _id} — the student's
 * week and the lessons of their class(es) that week — plus reference data held in memory; a subject or period view
 * reads the period's weeks with one {@code _id $in} query. Nothing is aggregated in the store.
 */
@Component
public class DiaryReader {

    private final Projection projection;
    private final Clock clock;

    DiaryReader(Projection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    public WeekView week(String studentId, LocalDate anyDay) {
        LocalDate monday = Weeks.monday(anyDay);
        LocalDate sunday = monday.plusDays(6);
        Optional<StudentCard> card = projection.student(studentId);
        List<Enrolment> enrolments = card.map(c -> c.enrolmentsOverlapping(monday, sunday)).orElse(List.of());
        StudentWeek week = projection.week(studentId, monday).orElse(null);
        List<StudentWeek.Grade> grades = week == null ? List.of()
                : week.grades().stream().filter(g -> !g.withdrawn()).toList();
        List<StudentWeek.Absence> absences = week == null ? List.of()
                : week.absences().stream().filter(a -> !a.withdrawn()).toList();

        Set<String> classIds = new LinkedHashSet<>();
        enrolments.forEach(e -> classIds.add(e.classId()));
        grades.forEach(g -> classIds.add(g.classId()));
        absences.forEach(a -> classIds.add(a.classId()));
        List<ClassWeek.Lesson> lessons = new ArrayList<>();
        Set<String> lessonsOfStudent = new HashSet<>();
        grades.forEach(g -> lessonsOfStudent.add(g.lessonId()));
        absences.forEach(a -> lessonsOfStudent.add(a.lessonId()));
        for (ClassWeek classWeek : projection.classWeeks(classIds, monday)) {
            for (ClassWeek.Lesson lesson : classWeek.lessons()) {
                boolean enrolled = enrolments.stream().anyMatch(e -> e.classId().equals(classWeek.classId())
                        && e.covers(lesson.date()));
                if (enrolled || lessonsOfStudent.contains(lesson.lessonId()) || enrolments.isEmpty()) {
                    lessons.add(lesson);
                }
            }
        }
        Map<String, TimetableCard> timetables = new HashMap<>();
        for (Enrolment e : enrolments) {
            projection.timetable(e.classId()).ifPresent(t -> timetables.put(e.classId(), t));
        }

        Names names = new Names();
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            List<Slotted> slotted = new ArrayList<>();
            for (Enrolment e : enrolments) {
                if (e.covers(day) && timetables.containsKey(e.classId())) {
                    slotted.addAll(slots(timetables.get(e.classId()), day));
                }
            }
            List<LessonView> views = dayLessons(day, slotted, lessons, grades, absences, names);
            if (!views.isEmpty() || i < 6) {
                days.add(new Day(day, views));
            }
        }
        List<CorrectionView> corrections = new ArrayList<>();
        if (week != null) {
            for (StudentWeek.Grade g : week.grades()) {
                g.corrections().forEach(c -> corrections.add(new CorrectionView("grade", g.gradeId(), g.lessonDate(),
                        names.subject(g.subjectId()), c.from(), c.to(), c.correctedAt(), c.reason())));
            }
            for (StudentWeek.Absence a : week.absences()) {
                a.corrections().forEach(c -> corrections.add(new CorrectionView("absence", a.absenceId(),
                        a.lessonDate(), names.subject(a.subjectId()), c.from(), c.to(), c.correctedAt(),
                        c.reason())));
            }
        }
        corrections.sort(Comparator.comparing(CorrectionView::correctedAt,
                Comparator.nullsLast(Comparator.naturalOrder())));
        names.resolve();
        return new WeekView(studentId, card.map(StudentCard::fullName).orElse(null), monday, sunday,
                days.stream().map(d -> new Day(d.date(), d.lessons().stream().map(names::named).toList())).toList(),
                corrections.stream().map(names::named).toList());
    }

    public SubjectView subject(String studentId, String subjectId, String periodId) {
        Located located = period(studentId, periodId);
        List<StudentWeek> weeks = projection.weeks(studentId, Weeks.mondays(located.period().start(),
                located.period().end()));
        List<DatedGrade> grades = new ArrayList<>();
        int absences = 0;
        for (StudentWeek week : weeks) {
            for (StudentWeek.Grade g : week.grades()) {
                if (!g.withdrawn() && g.subjectId().equals(subjectId) && located.period().contains(g.lessonDate())) {
                    grades.add(new DatedGrade(g.lessonDate(), grade(g)));
                }
            }
            absences += (int) week.absences().stream().filter(a -> !a.withdrawn() && a.subjectId().equals(subjectId)
                    && located.period().contains(a.lessonDate())).count();
        }
        grades.sort(Comparator.comparing(DatedGrade::date));
        ResultView result = results(studentId, located).getOrDefault(subjectId, null);
        Names names = new Names();
        Ref subject = names.subject(subjectId);
        names.resolve();
        return new SubjectView(studentId, names.named(subject), located.ref(), grades,
                weightedAverage(grades.stream().map(DatedGrade::grade).toList()), result, absences);
    }

    public PeriodSummary periodSummary(String studentId, String periodId) {
        Located located = period(studentId, periodId);
        List<SubjectRow> rows = rows(studentId, located.period().start(), located.period().end(),
                results(studentId, located));
        return new PeriodSummary(studentId, projection.student(studentId).map(StudentCard::fullName).orElse(null),
                located.ref(), rows, rows.stream().mapToInt(SubjectRow::absences).sum());
    }

    /**
     * Per subject, the grades, weighted average and absences between two days, with the period and year marks of
     * periods that end between them (the last such mark per subject): what a journal extract lists.
     */
    public List<SubjectRow> range(String studentId, LocalDate from, LocalDate to) {
        Map<String, ResultView> results = new HashMap<>();
        Set<String> years = new LinkedHashSet<>();
        for (Enrolment e : projection.student(studentId).map(StudentCard::enrolments).orElse(List.of())) {
            if (e.schoolYear() != null && e.overlaps(from, to)) {
                years.add(e.schoolYear());
            }
        }
        for (String year : years) {
            projection.results(studentId, year).ifPresent(doc -> doc.results().stream()
                    .filter(r -> r.periodEnd() != null && !r.periodEnd().isBefore(from) && !r.periodEnd().isAfter(to))
                    .sorted(Comparator.comparing(StudentResults.Result::periodEnd))
                    .forEach(r -> results.put(r.subjectId(), new ResultView(r.value(), r.numericValue(),
                            r.corrections()))));
        }
        return rows(studentId, from, to, results);
    }

    private List<SubjectRow> rows(String studentId, LocalDate from, LocalDate to, Map<String, ResultView> results) {
        List<StudentWeek> weeks = projection.weeks(studentId, Weeks.mondays(from, to));
        Map<String, List<StudentWeek.Grade>> grades = new LinkedHashMap<>();
        Map<String, List<StudentWeek.Absence>> absences = new LinkedHashMap<>();
        for (StudentWeek week : weeks) {
            week.grades().stream().filter(g -> !g.withdrawn() && within(g.lessonDate(), from, to))
                    .forEach(g -> grades.computeIfAbsent(g.subjectId(), s -> new ArrayList<>()).add(g));
            week.absences().stream().filter(a -> !a.withdrawn() && within(a.lessonDate(), from, to))
                    .forEach(a -> absences.computeIfAbsent(a.subjectId(), s -> new ArrayList<>()).add(a));
        }
        Set<String> subjects = new LinkedHashSet<>(grades.keySet());
        subjects.addAll(results.keySet());
        subjects.addAll(absences.keySet());
        Names names = new Names();
        List<SubjectRow> rows = new ArrayList<>();
        for (String subjectId : subjects) {
            List<StudentWeek.Grade> ofSubject = grades.getOrDefault(subjectId, List.of()).stream()
                    .sorted(Comparator.comparing(StudentWeek.Grade::lessonDate)).toList();
            List<StudentWeek.Absence> missed = absences.getOrDefault(subjectId, List.of());
            rows.add(new SubjectRow(names.subject(subjectId), ofSubject.stream().map(StudentWeek.Grade::value)
                    .toList(), ofSubject.size(), weightedAverage(ofSubject.stream().map(DiaryReader::grade).toList()),
                    results.get(subjectId), missed.size(), count(missed, "Б"), count(missed, "У"),
                    count(missed, "Н")));
        }
        names.resolve();
        return rows.stream().map(r -> new SubjectRow(names.named(r.subject()), r.grades(), r.gradeCount(),
                r.weightedAverage(), r.periodResult(), r.absences(), r.absencesIllness(), r.absencesValid(),
                r.absencesUnexcused())).sorted(Comparator.comparing(r -> Objects.requireNonNullElse(
                r.subject().name(), r.subject().id()))).toList();
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** A period from the years of the student's schools, or the one of today when none is named. */
    public Located period(String studentId, String periodId) {
        List<Enrolment> enrolments = projection.student(studentId).map(StudentCard::enrolments).orElse(List.of());
        Set<String> schoolIds = enrolments.stream().map(Enrolment::schoolId).collect(Collectors.toCollection(
                LinkedHashSet::new));
        for (String schoolId : schoolIds) {
            Optional<SchoolCard> school = projection.school(schoolId);
            if (school.isEmpty()) {
                continue;
            }
            Optional<SchoolCard.Period> period = periodId == null
                    ? school.get().periodOf(LocalDate.now(clock.withZone(school.get().zone())))
                    : school.get().period(periodId);
            if (period.isPresent()) {
                SchoolCard.SchoolYear year = school.get().yearOfPeriod(period.get().periodId()).orElseThrow();
                return new Located(school.get(), year, period.get());
            }
        }
        throw ProblemException.notFound("period", periodId == null ? "of today" : periodId);
    }

    /** A period found in a school's year. */
    public record Located(SchoolCard school, SchoolCard.SchoolYear year, SchoolCard.Period period) {

        PeriodRef ref() {
            return new PeriodRef(period.periodId(), period.kind(), period.number(), period.start(), period.end(),
                    year.label());
        }
    }

    private Map<String, ResultView> results(String studentId, Located located) {
        Map<String, ResultView> bySubject = new HashMap<>();
        projection.results(studentId, located.year().label()).ifPresent(doc -> doc.results().stream()
                .filter(r -> r.periodId().equals(located.period().periodId()))
                .forEach(r -> bySubject.put(r.subjectId(), new ResultView(r.value(), r.numericValue(),
                        r.corrections()))));
        return bySubject;
    }

    private static int count(List<StudentWeek.Absence> absences, String code) {
        return (int) absences.stream().filter(a -> code.equals(a.reasonCode())).count();
    }

    /** Σ(value × weight) / Σ weight over the grades that have a number, rounded to hundredths; null without any. */
    static Double weightedAverage(List<GradeView> grades) {
        double sum = 0;
        double weights = 0;
        for (GradeView g : grades) {
            if (g.numericValue() != null) {
                sum += g.numericValue() * g.weight();
                weights += g.weight();
            }
        }
        return weights == 0 ? null : Math.round(sum / weights * 100) / 100.0;
    }

    static GradeView grade(StudentWeek.Grade g) {
        return new GradeView(g.gradeId(), g.value(), g.numericValue(), g.weight(), g.kind(), g.comment(),
                g.enteredAt(), g.corrections());
    }

    /** A timetable slot of the day, with its one-off change applied. */
    private record Slotted(int number, String startTime, String endTime, String subjectId, String teacherId,
            String room, String change, String note) {
    }

    private static List<Slotted> slots(TimetableCard timetable, LocalDate day) {
        Map<Integer, Slotted> byNumber = new LinkedHashMap<>();
        for (TimetableCard.Slot s : timetable.slotsOn(day)) {
            byNumber.put(s.lessonNumber(), new Slotted(s.lessonNumber(), s.startTime(), s.endTime(), s.subjectId(),
                    s.teacherId(), s.room(), null, null));
        }
        for (TimetableCard.SlotChange c : timetable.changesOn(day)) {
            Slotted base = byNumber.get(c.lessonNumber());
            byNumber.put(c.lessonNumber(), new Slotted(c.lessonNumber(),
                    c.startTime() != null ? c.startTime() : base == null ? null : base.startTime(),
                    c.endTime() != null ? c.endTime() : base == null ? null : base.endTime(),
                    c.subjectId() != null ? c.subjectId() : base == null ? null : base.subjectId(),
                    c.teacherId() != null ? c.teacherId() : base == null ? null : base.teacherId(),
                    c.room() != null ? c.room() : base == null ? null : base.room(), c.kind(), c.note()));
        }
        return new ArrayList<>(byNumber.values());
    }

    private static List<LessonView> dayLessons(LocalDate day, List<Slotted> slots, List<ClassWeek.Lesson> lessons,
            List<StudentWeek.Grade> grades, List<StudentWeek.Absence> absences, Names names) {
        Map<String, List<StudentWeek.Grade>> gradesByLesson = grades.stream().filter(g -> g.lessonDate().equals(day))
                .collect(Collectors.groupingBy(StudentWeek.Grade::lessonId, LinkedHashMap::new, Collectors.toList()));
        Map<String, StudentWeek.Absence> absenceByLesson = absences.stream().filter(a -> a.lessonDate().equals(day))
                .collect(Collectors.toMap(StudentWeek.Absence::lessonId, Function.identity(), (a, b) -> a));
        List<LessonView> views = new ArrayList<>();
        Set<Integer> slotsTaken = new HashSet<>();
        Set<String> lessonsShown = new HashSet<>();
        List<ClassWeek.Lesson> ofDay = lessons.stream().filter(l -> l.date().equals(day)).toList();
        for (ClassWeek.Lesson l : ofDay) {
            Slotted slot = slots.stream().filter(s -> l.lessonNumber() != null && s.number() == l.lessonNumber())
                    .findFirst().orElse(null);
            if (slot != null) {
                slotsTaken.add(slot.number());
            }
            lessonsShown.add(l.lessonId());
            views.add(new LessonView(l.lessonNumber(), slot == null ? null : slot.startTime(),
                    slot == null ? null : slot.endTime(), names.subject(l.subjectId()),
                    names.teacher(l.substituteTeacherId() != null ? l.substituteTeacherId() : l.teacherId()),
                    slot == null ? null : slot.room(), l.status(), slot == null ? null : slot.change(),
                    slot == null ? null : slot.note(), l.lessonId(), l.topic(),
                    l.homework() == null ? null : new HomeworkView(l.homework().text(), l.homework().dueDate()),
                    gradesByLesson.getOrDefault(l.lessonId(), List.of()).stream().map(DiaryReader::grade).toList(),
                    absence(absenceByLesson.get(l.lessonId()))));
        }
        for (Slotted s : slots) {
            if (!slotsTaken.contains(s.number())) {
                views.add(new LessonView(s.number(), s.startTime(), s.endTime(), names.subject(s.subjectId()),
                        names.teacher(s.teacherId()), s.room(), "CANCELLED".equals(s.change()) ? "CANCELLED"
                                : "SCHEDULED", s.change(), s.note(), null, null, null, List.of(), null));
            }
        }
        // grades and absences whose lesson the diary has not seen yet (it arrives later on its own topic)
        Set<String> orphanLessons = new LinkedHashSet<>(gradesByLesson.keySet());
        orphanLessons.addAll(absenceByLesson.keySet());
        orphanLessons.removeAll(lessonsShown);
        for (String lessonId : orphanLessons) {
            List<StudentWeek.Grade> ofLesson = gradesByLesson.getOrDefault(lessonId, List.of());
            StudentWeek.Absence absence = absenceByLesson.get(lessonId);
            String subjectId = !ofLesson.isEmpty() ? ofLesson.getFirst().subjectId() : absence.subjectId();
            Integer number = absence == null ? null : absence.lessonNumber();
            views.add(new LessonView(number, null, null, names.subject(subjectId), null, null, "CONDUCTED", null, null,
                    lessonId, null, null, ofLesson.stream().map(DiaryReader::grade).toList(), absence(absence)));
        }
        views.sort(Comparator.comparing(LessonView::lessonNumber, Comparator.nullsLast(Comparator.naturalOrder())));
        return views;
    }

    private static AbsenceView absence(StudentWeek.Absence a) {
        return a == null ? null : new AbsenceView(a.reason(), a.reasonCode(), a.corrections());
    }

    /** Collects the subject and teacher ids a view shows, then fills in their names with one lookup each. */
    private final class Names {

        private final Set<String> subjectIds = new HashSet<>();
        private final Set<String> teacherIds = new HashSet<>();
        private Map<String, SubjectCard> subjects = Map.of();
        private Map<String, StaffCard> teachers = Map.of();

        Ref subject(String id) {
            if (id == null) {
                return null;
            }
            subjectIds.add(id);
            return new Ref(id, null);
        }

        Ref teacher(String id) {
            if (id == null) {
                return null;
            }
            teacherIds.add(id);
            return new Ref("staff:" + id, null);
        }

        void resolve() {
            subjects = projection.subjects(subjectIds);
            teachers = projection.staff(teacherIds);
        }

        Ref named(Ref ref) {
            if (ref == null) {
                return null;
            }
            if (ref.id().startsWith("staff:")) {
                String id = ref.id().substring(6);
                StaffCard card = teachers.get(id);
                return new Ref(id, card == null ? null : card.shortName());
            }
            SubjectCard card = subjects.get(ref.id());
            return new Ref(ref.id(), card == null ? null : card.name());
        }

        LessonView named(LessonView v) {
            return new LessonView(v.lessonNumber(), v.startTime(), v.endTime(), named(v.subject()),
                    named(v.teacher()), v.room(), v.status(), v.change(), v.changeNote(), v.lessonId(), v.topic(),
                    v.homework(), v.grades(), v.absence());
        }

        CorrectionView named(CorrectionView v) {
            return new CorrectionView(v.entry(), v.entryId(), v.date(), named(v.subject()), v.from(), v.to(),
                    v.correctedAt(), v.reason());
        }
    }
}
