package ru.eshkola.diary.projection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import ru.eshkola.diary.projection.JournalEvents.AbsenceChanged;
import ru.eshkola.diary.projection.JournalEvents.ClassChanged;
import ru.eshkola.diary.projection.JournalEvents.EnrolmentChanged;
import ru.eshkola.diary.projection.JournalEvents.GradeChanged;
import ru.eshkola.diary.projection.JournalEvents.LessonChanged;
import ru.eshkola.diary.projection.JournalEvents.PeriodResultChanged;
import ru.eshkola.diary.projection.JournalEvents.SchoolRegistered;
import ru.eshkola.diary.projection.JournalEvents.SchoolYearChanged;
import ru.eshkola.diary.projection.JournalEvents.StaffChanged;
import ru.eshkola.diary.projection.JournalEvents.StudentChanged;
import ru.eshkola.diary.projection.JournalEvents.SubjectDefined;
import ru.eshkola.diary.projection.JournalEvents.TimetableChanged;

/**
 * Applies a batch of journal events to one generation of the projection: the events are grouped by the document they
 * change, each collection gets one read and one bulk write ({@link DocumentGroup}), and — for live consumption — the
 * students whose diary changed get the change appended to their stream after the projection was written.
 *
 * <p>Every update is guarded by the entry's version: a newer version replaces, an older one is dropped, the same one
 * again changes nothing. So redelivered, replayed and reordered events leave the same documents, and events that
 * arrive before the roster they refer to are kept under the student or class they name.
 */
@Component
public class ProjectionWriter {

    static final List<String> COLLECTIONS = List.of(StudentCard.COLLECTION, ClassCard.COLLECTION,
            SchoolCard.COLLECTION, SubjectCard.COLLECTION, StaffCard.COLLECTION, TimetableCard.COLLECTION,
            ClassWeek.COLLECTION, StudentWeek.COLLECTION, StudentResults.COLLECTION);

    private final MongoTemplate mongo;
    private final ChangeLog changes;
    private final Projection projection;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int attempts;
    private final Timer lag;

    ProjectionWriter(MongoTemplate mongo, ChangeLog changes, Projection projection, MeterRegistry meters, Clock clock,
            ProjectionSettings settings) {
        this.mongo = mongo;
        this.changes = changes;
        this.projection = projection;
        this.meters = meters;
        this.clock = clock;
        this.attempts = settings.writeAttempts();
        this.lag = Timer.builder("eshkola.diary.projection.lag").description("journal event time to applied")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** Every collection name of the projection in a generation: what a rebuild fills and a comparison reads. */
    public static List<String> collections(int generation) {
        return COLLECTIONS.stream().map(c -> Generations.collection(c, generation)).toList();
    }

    /**
     * @param notify append the students' changes to their streams (live consumption); a rebuild does not
     * @return documents written
     */
    public int apply(int generation, List<ParsedEvent> events, boolean notify) {
        if (events.isEmpty()) {
            return 0;
        }
        Batch batch = new Batch(generation);
        Map<String, Integer> counts = new HashMap<>();
        for (ParsedEvent event : events) {
            batch.add(event);
            counts.merge(event.type(), 1, Integer::sum);
        }
        Notes notes = new Notes();
        int written = 0;
        for (DocumentGroup<?> group : batch.groups()) {
            written += group.write(mongo, notes, attempts);
            // what this instance holds in memory follows its own writes at once (others' after the cache's ttl)
            projection.invalidate(group.collection(), group.ids());
        }
        if (notify) {
            Instant now = clock.instant();
            changes.append(notes.studentNotes(), now);
            for (ParsedEvent event : events) {
                if (event.time() != null) {
                    lag.record(Duration.between(event.time(), now));
                }
            }
        }
        counts.forEach((type, n) -> meters.counter("eshkola.diary.events.applied", "type", type).increment(n));
        return written;
    }

    /** The events of one batch sorted into document groups, one per collection. */
    private static final class Batch {

        final DocumentGroup<StudentCard> students;
        final DocumentGroup<ClassCard> classes;
        final DocumentGroup<SchoolCard> schools;
        final DocumentGroup<SubjectCard> subjects;
        final DocumentGroup<StaffCard> staff;
        final DocumentGroup<TimetableCard> timetables;
        final DocumentGroup<ClassWeek> classWeeks;
        final DocumentGroup<StudentWeek> studentWeeks;
        final DocumentGroup<StudentResults> results;

        Batch(int g) {
            students = new DocumentGroup<>(StudentCard.class, Generations.collection(StudentCard.COLLECTION, g),
                    StudentCard::empty);
            classes = new DocumentGroup<>(ClassCard.class, Generations.collection(ClassCard.COLLECTION, g),
                    ClassCard::empty);
            schools = new DocumentGroup<>(SchoolCard.class, Generations.collection(SchoolCard.COLLECTION, g),
                    SchoolCard::empty);
            subjects = new DocumentGroup<>(SubjectCard.class, Generations.collection(SubjectCard.COLLECTION, g),
                    SubjectCard::empty);
            staff = new DocumentGroup<>(StaffCard.class, Generations.collection(StaffCard.COLLECTION, g),
                    StaffCard::empty);
            timetables = new DocumentGroup<>(TimetableCard.class,
                    Generations.collection(TimetableCard.COLLECTION, g), TimetableCard::empty);
            classWeeks = new DocumentGroup<>(ClassWeek.class, Generations.collection(ClassWeek.COLLECTION, g),
                    id -> ClassWeek.empty(id.substring(0, id.lastIndexOf(':')),
                            java.time.LocalDate.parse(id.substring(id.lastIndexOf(':') + 1))));
            studentWeeks = new DocumentGroup<>(StudentWeek.class, Generations.collection(StudentWeek.COLLECTION, g),
                    id -> StudentWeek.empty(id.substring(0, id.lastIndexOf(':')),
                            java.time.LocalDate.parse(id.substring(id.lastIndexOf(':') + 1))));
            results = new DocumentGroup<>(StudentResults.class,
                    Generations.collection(StudentResults.COLLECTION, g),
                    id -> StudentResults.empty(id.substring(0, id.indexOf(':')), id.substring(id.indexOf(':') + 1)));
        }

        List<DocumentGroup<?>> groups() {
            return List.of(students, classes, schools, subjects, staff, timetables, classWeeks, studentWeeks,
                    results);
        }

        void add(ParsedEvent event) {
            String type = event.type();
            String verb = verb(type);
            switch (event.data()) {
                case GradeChanged g -> studentWeeks.add(StudentWeek.id(g.studentId(), g.lessonDate()),
                        (week, notes) -> {
                            StudentWeek.Grade grade = week.grade(g, "withdrawn".equals(verb));
                            if (grade != null) {
                                notes.student(g.studentId(), "grade." + verb, g.gradeId(), g.version(),
                                        grade.summary());
                            }
                        });
                case AbsenceChanged a -> studentWeeks.add(StudentWeek.id(a.studentId(), a.lessonDate()),
                        (week, notes) -> {
                            StudentWeek.Absence absence = week.absence(a, "withdrawn".equals(verb));
                            if (absence != null) {
                                notes.student(a.studentId(), "absence." + verb, a.absenceId(), a.version(),
                                        absence.summary());
                            }
                        });
                // a lesson concerns a class: copying its change into 25 students' streams would be most of the
                // change log's writes; the topic and homework show when the diary is next loaded
                case LessonChanged l -> classWeeks.add(ClassWeek.id(l.classId(), l.date()),
                        (week, notes) -> week.lesson(l));
                case PeriodResultChanged r -> results.add(StudentResults.id(r.studentId(), r.schoolYear()),
                        (doc, notes) -> {
                            StudentResults.Result result = doc.result(r);
                            if (result != null) {
                                notes.student(r.studentId(), "period-result." + verb, r.resultId(), r.version(),
                                        result.summary());
                            }
                        });
                case TimetableChanged t -> timetables.add(t.classId(), (doc, notes) -> doc.changed(t));
                case StudentChanged s -> students.add(s.studentId(), (doc, notes) -> doc.name(s));
                case EnrolmentChanged e -> {
                    students.add(e.studentId(), (doc, notes) -> doc.enrolment(e));
                    classes.add(e.classId(), (doc, notes) -> doc.enrolment(e));
                }
                case ClassChanged c -> classes.add(c.classId(), (doc, notes) -> doc.info(c));
                case SubjectDefined s -> subjects.add(s.subjectId(), (doc, notes) -> doc.defined(s));
                case StaffChanged s -> staff.add(s.staffId(), (doc, notes) -> doc.changed(s));
                case SchoolRegistered s -> schools.add(s.schoolId(), (doc, notes) -> doc.registered(s));
                case SchoolYearChanged y -> schools.add(y.schoolId(), (doc, notes) -> doc.year(y));
                default -> throw new IllegalArgumentException("no projection for " + type);
            }
        }

        /** {@code journal.grade.corrected.v1} → {@code corrected}. */
        private static String verb(String type) {
            String[] parts = type.split("\\.");
            return parts[parts.length - 2];
        }
    }
}
