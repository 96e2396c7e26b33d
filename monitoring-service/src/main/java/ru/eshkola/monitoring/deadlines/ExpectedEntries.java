package ru.eshkola.monitoring.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.eshkola.monitoring.roster.Roster;
import ru.eshkola.monitoring.schools.SchoolCalendar;
import ru.eshkola.monitoring.schools.SchoolCalendars;
import ru.eshkola.monitoring.timetables.ClassTimetable;
import ru.eshkola.monitoring.timetables.Timetables;

/**
 * Turns what the timetables and school years imply into expected entries (idempotent upserts): the lesson records
 * of today's and tomorrow's timetabled lessons (per school time zone), the timetable of the current and the next
 * week of every class, and the results of every enrolled student in every subject taught once a period has ended.
 * Runs at start, every {@code materialise-interval}, and for a class whenever its timetable changes.
 */
@Component
class ExpectedEntries {

    private static final Logger log = LoggerFactory.getLogger(ExpectedEntries.class);

    private final DeadlineBook book;
    private final DueDates dueDates;
    private final SchoolCalendars schools;
    private final Timetables timetables;
    private final Roster roster;
    private final MongoTemplate mongo;
    private final Clock clock;

    ExpectedEntries(DeadlineBook book, DueDates dueDates, SchoolCalendars schools, Timetables timetables,
            Roster roster, MongoTemplate mongo, Clock clock) {
        this.book = book;
        this.dueDates = dueDates;
        this.schools = schools;
        this.timetables = timetables;
        this.roster = roster;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${eshkola.monitoring.deadlines.materialise-interval}",
            initialDelayString = "${eshkola.monitoring.deadlines.materialise-initial-delay:10s}")
    void scheduled() {
        try {
            // violations a crash left behind their deadline (rare): a scan of the deadlines on the embedded store,
            // so with this hourly run rather than with the timer's ticks
            book.finishPendingViolations();
            materialise();
        } catch (RuntimeException e) {
            // the next run redoes it: every step is an idempotent upsert
            log.warn("materialising expected entries failed: {}", e.toString());
        }
    }

    void materialise() {
        for (SchoolCalendar school : schools.all(null)) {
            materialise(school);
        }
    }

    void materialise(SchoolCalendar school) {
        LocalDate today = clock.instant().atZone(school.zone()).toLocalDate();
        Map<String, ClassTimetable> byClass = new HashMap<>();
        for (ClassTimetable timetable : timetables.ofSchools(List.of(school.id()))) {
            byClass.put(timetable.classId(), timetable);
            lessons(school, timetable, today);
            lessons(school, timetable, today.plusDays(1));
        }
        for (Roster.SchoolClass schoolClass : roster.classesOf(List.of(school.id()))) {
            weeks(school, schoolClass.id(), schoolClass.schoolYear(), Optional.ofNullable(byClass.get(
                    schoolClass.id())), today);
            for (SchoolCalendar.Year year : school.years()) {
                if (!year.label().equals(schoolClass.schoolYear())) {
                    continue;
                }
                for (SchoolCalendar.Period period : year.periods()) {
                    if (period.end().isBefore(today)) {
                        periodResults(school, schoolClass, period, Optional.ofNullable(byClass.get(
                                schoolClass.id())));
                    }
                }
            }
        }
    }

    /** A class's timetable changed: its lessons of today and tomorrow and its weeks are expected anew. */
    void timetableChanged(String classId) {
        Optional<ClassTimetable> timetable = timetables.of(classId);
        Optional<SchoolCalendar> school = timetable.flatMap(t -> schools.of(t.schoolId()));
        if (school.isEmpty()) {
            return; // materialised once the school is known
        }
        LocalDate today = clock.instant().atZone(school.get().zone()).toLocalDate();
        lessons(school.get(), timetable.get(), today);
        lessons(school.get(), timetable.get(), today.plusDays(1));
        String schoolYear = roster.schoolClass(classId).map(Roster.SchoolClass::schoolYear)
                .orElse(timetable.get().schoolYear());
        weeks(school.get(), classId, schoolYear, timetable, today);
    }

    private boolean lessonsPossible(SchoolCalendar school, LocalDate date) {
        return dueDates.isSchoolDay(school, date);
    }

    /** The lesson records expected on a date; lessons dropped from the timetable since are no longer expected. */
    void lessons(SchoolCalendar school, ClassTimetable timetable, LocalDate date) {
        String planId = timetable.classId() + "|" + date;
        LessonPlan previous = mongo.findById(planId, LessonPlan.class);
        if (previous != null && previous.timetableVersion() == timetable.version()) {
            return;
        }
        Map<String, ClassTimetable.PlannedLesson> planned = new LinkedHashMap<>();
        if (lessonsPossible(school, date)) {
            for (ClassTimetable.PlannedLesson lesson : timetable.lessonsOn(date)) {
                planned.put(Entries.lessonTopicId(timetable.classId(), date, lesson.lessonNumber(), lesson.group()),
                        lesson);
            }
        }
        Instant due = dueDates.due(Rule.LESSON_TOPIC, school, date);
        planned.forEach((id, lesson) -> book.expect(Entries.template(id, Rule.LESSON_TOPIC, school.id(),
                timetable.classId(), lesson.subjectId(), lesson.teacherId(), null, null, date, null, date, due)));
        if (previous != null) {
            previous.deadlineIds().stream().filter(id -> !planned.containsKey(id)).forEach(book::unexpect);
        }
        mongo.save(new LessonPlan(planId, timetable.version(), new TreeSet<>(planned.keySet())));
    }

    /** The current and the next week must be covered by the class's timetable. */
    void weeks(SchoolCalendar school, String classId, String schoolYear, Optional<ClassTimetable> timetable,
            LocalDate today) {
        Optional<SchoolCalendar.Year> year = school.yearLabelled(schoolYear);
        if (year.isEmpty()) {
            return; // without the school year nobody knows whether lessons are due
        }
        LocalDate thisWeek = DueDates.mondayOf(today);
        for (LocalDate monday : List.of(thisWeek, thisWeek.plusWeeks(1))) {
            if (!hasSchoolDays(school, year.get(), monday)) {
                continue;
            }
            Deadline template = Entries.template(Entries.timetableId(classId, monday), Rule.TIMETABLE, school.id(),
                    classId, null, null, null, null, null, null, monday, dueDates.timetableDue(school, monday));
            if (timetable.isPresent() && timetable.get().coversWeek(monday)) {
                book.enter(template, timetable.get().changedAt(), 0, null);
            } else {
                book.expect(template);
            }
        }
    }

    private boolean hasSchoolDays(SchoolCalendar school, SchoolCalendar.Year year, LocalDate monday) {
        for (int d = 0; d < 6; d++) {
            LocalDate day = monday.plusDays(d);
            if (!day.isBefore(year.start()) && !day.isAfter(year.end()) && dueDates.isSchoolDay(school, day)) {
                return true;
            }
        }
        return false;
    }

    /** Every student enrolled at the period's end has a result in every subject taught in the class then. */
    void periodResults(SchoolCalendar school, Roster.SchoolClass schoolClass, SchoolCalendar.Period period,
            Optional<ClassTimetable> timetable) {
        String planId = schoolClass.id() + "|" + period.id();
        if (mongo.findById(planId, PeriodPlan.class) != null) {
            return;
        }
        List<String> students = roster.enrolmentsOfClass(schoolClass.id()).stream()
                .filter(e -> e.activeOn(period.end())).map(Roster.Enrolment::studentId).distinct().toList();
        Map<String, String> teacherBySubject = new LinkedHashMap<>();
        roster.assignmentsOfClass(schoolClass.id()).stream()
                .filter(a -> a.activeBetween(period.start(), period.end()))
                .forEach(a -> teacherBySubject.put(a.subjectId(), a.teacherId()));
        if (teacherBySubject.isEmpty() && timetable.isPresent()) {
            timetable.get().slots().forEach(s -> teacherBySubject.putIfAbsent(s.subjectId(), s.teacherId()));
        }
        if (students.isEmpty() || teacherBySubject.isEmpty()) {
            return; // the roster may still be on its way: the next run looks again
        }
        Instant due = dueDates.due(Rule.PERIOD_RESULT, school, period.end());
        for (String student : students) {
            teacherBySubject.forEach((subject, teacher) -> book.expect(Entries.template(
                    Entries.periodResultId(schoolClass.id(), period.id(), student, subject), Rule.PERIOD_RESULT,
                    school.id(), schoolClass.id(), subject, teacher, student, null, null, period.id(), period.end(),
                    due)));
        }
        mongo.save(new PeriodPlan(planId, students.size() * teacherBySubject.size()));
        log.info("expected {} results of period {} in class {}", students.size() * teacherBySubject.size(),
                period.id(), schoolClass.id());
    }

    /** Which lesson records of a class's day were expected, for which timetable version. */
    @Document("lesson_plans")
    record LessonPlan(@Id String id, int timetableVersion, Set<String> deadlineIds) {
    }

    /** The results of a class's period were expected (so the next run does not redo it). */
    @Document("period_plans")
    record PeriodPlan(@Id String id, int expected) {
    }
}
