package ru.eshkola.journal.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.journal.classes.ClassRoster;
import ru.eshkola.journal.lessons.AbsenceReason;
import ru.eshkola.journal.lessons.GradeKind;
import ru.eshkola.journal.lessons.LessonBook;
import ru.eshkola.journal.lessons.LessonRequests;
import ru.eshkola.journal.periodresults.PeriodMarks;
import ru.eshkola.journal.schoolyears.SchoolCalendar;
import ru.eshkola.journal.schoolyears.SchoolYear;
import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.journal.staff.StaffRegistry;
import ru.eshkola.journal.staff.StaffRole;
import ru.eshkola.journal.students.StudentRegistry;
import ru.eshkola.journal.subjects.SubjectCatalog;
import ru.eshkola.journal.timetable.TimetableBook;
import ru.eshkola.kit.problems.ProblemException;

/**
 * The demo region: the nine schools of seed 003 in Нижнетуринский городской округ (Asia/Yekaterinburg) with
 * classes 1–11, 20–30 students each, staff, assignments, timetables, and the current quarter's lessons, grades and
 * absences up to today, plus the first quarter's marks. Teachers behave like real ones: most enter on the day, some
 * late, a few not yet, so that monitoring has something to find.
 *
 * <p>Deterministic from a seed: the same seed and size give the same region. It goes through the journal's own
 * services, so every rule is checked and every event is published. It is incremental: a later run adds the school
 * days since the last one and leaves the rest as it is.
 */
@Service
class DemoRegion {

    static final String YEAR = "2026/2027";
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 9, 1);
    static final LocalDate QUARTER_TWO = LocalDate.of(2026, 11, 5);
    private static final String ADMIN = "demo-generator";
    private static final List<LocalTime> BELLS = List.of(LocalTime.of(8, 30), LocalTime.of(9, 20),
            LocalTime.of(10, 20), LocalTime.of(11, 20), LocalTime.of(12, 20), LocalTime.of(13, 15),
            LocalTime.of(14, 10));
    private static final Logger log = LoggerFactory.getLogger(DemoRegion.class);

    private final SchoolRegistry schools;
    private final SchoolCalendar calendar;
    private final SubjectCatalog subjects;
    private final StaffRegistry staff;
    private final StudentRegistry students;
    private final ClassRoster classes;
    private final TimetableBook timetables;
    private final LessonBook lessons;
    private final PeriodMarks marks;
    private final MongoTemplate mongo;
    private final Clock clock;

    DemoRegion(SchoolRegistry schools, SchoolCalendar calendar, SubjectCatalog subjects, StaffRegistry staff,
            StudentRegistry students, ClassRoster classes, TimetableBook timetables, LessonBook lessons,
            PeriodMarks marks, MongoTemplate mongo, Clock clock) {
        this.schools = schools;
        this.calendar = calendar;
        this.subjects = subjects;
        this.staff = staff;
        this.students = students;
        this.classes = classes;
        this.timetables = timetables;
        this.lessons = lessons;
        this.marks = marks;
        this.mongo = mongo;
        this.clock = clock;
    }

    record Summary(long seed, double size, int schools, int classes, int students, int teachers, LocalDate from,
            LocalDate until, int lessons, int grades, int absences, int notYetEntered, Duration took) {
    }

    /** What a run leaves behind, so that the next one adds only the days since. */
    @Document("demo_runs")
    record Progress(@Id String id, long seed, double size, int schools, LocalDate lessonsUntil) {
    }

    /** The generated roster of one class, kept to generate its lessons. */
    /**
     * @param key      school code, grade and letter: what the randomness of the class is seeded from, so that the
     *                 region is the same whatever ids the store gave the schools
     * @param lateness per teacher, how late they tend to enter (a habit seeded from the school and staff number)
     */
    private record DemoClass(String id, String key, String schoolId, ZoneId zone, int grade, List<String> students,
            Map<String, String> teacherOf, Map<String, Double> lateness, List<Slot> week) {
    }

    private record Slot(int weekday, int number, Curriculum.Subject subject) {
    }

    synchronized Summary generate(long seed, double size, int schoolLimit) {
        long started = System.nanoTime();
        subjects();
        List<DemoClass> region = new ArrayList<>();
        int teachers = 0;
        List<JsonNode> specs = schoolSpecs().subList(0, Math.min(schoolLimit, 9));
        String progressId = "demo-" + seed + "-" + size + "-" + specs.size();
        Progress progress = mongo.findById(progressId, Progress.class);
        // a finished run wrote the roster already: it is only drawn again (same seed, same ids) to know the classes
        boolean write = progress == null;
        for (int s = 0; s < specs.size(); s++) {
            Random random = random(seed, "school", s);
            JsonNode spec = specs.get(s);
            String schoolId = school(spec);
            if (write) {
                year(schoolId);
            }
            teachers += roster(seed, schoolId, spec, size, random, region, write);
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Yekaterinburg")));
        LocalDate from = progress == null ? QUARTER_TWO : progress.lessonsUntil().plusDays(1);
        int[] counts = new int[4];
        if (progress == null) {
            quarterOneMarks(seed, region);
        }
        for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
            for (DemoClass schoolClass : region) {
                lessonsOf(seed, schoolClass, day, counts);
            }
        }
        mongo.save(new Progress(progressId, seed, size, specs.size(), today));
        int studentCount = region.stream().mapToInt(c -> c.students().size()).sum();
        Summary summary = new Summary(seed, size, specs.size(), region.size(), studentCount, teachers, from, today,
                counts[0], counts[1], counts[2], counts[3], Duration.ofNanos(System.nanoTime() - started));
        log.info("demo region generated: {}", summary);
        return summary;
    }

    private void subjects() {
        Curriculum.ALL.forEach(s -> subjects.define(s.code(), s.name(), s.shortName()));
    }

    private static List<JsonNode> schoolSpecs() {
        try (InputStream in = new ClassPathResource("demo/schools.json").getInputStream()) {
            List<JsonNode> specs = new ArrayList<>();
            JsonMapper.shared().readTree(in).forEach(specs::add);
            return specs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String school(JsonNode spec) {
        String code = spec.get("code").asString();
        return schools.findByCode(code).map(SchoolRegistry.SchoolInfo::id).orElseGet(() -> {
            schools.register(new SchoolRegistry.RegisterSchool(code, spec.get("name").asString(),
                    spec.get("shortName").asString(), new SchoolRegistry.MunicipalityRef("ntgo",
                            "Нижнетуринский городской округ"), "Asia/Yekaterinburg", "eshkola"));
            return schools.findByCode(code).orElseThrow().id();
        });
    }

    /** The 2026/2027 year of the Sverdlovsk oblast schools: quarters, and the holidays between them. */
    private void year(String schoolId) {
        try {
            calendar.configure(schoolId, YEAR, new SchoolCalendar.ConfigureYear(FIRST_DAY,
                    LocalDate.of(2027, 5, 29), SchoolYear.Scheme.QUARTERS, List.of(
                    new SchoolCalendar.PeriodDates(FIRST_DAY, LocalDate.of(2026, 10, 23)),
                    new SchoolCalendar.PeriodDates(QUARTER_TWO, LocalDate.of(2026, 12, 26)),
                    new SchoolCalendar.PeriodDates(LocalDate.of(2027, 1, 12), LocalDate.of(2027, 3, 20)),
                    new SchoolCalendar.PeriodDates(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 5, 29))), List.of(
                    new SchoolCalendar.HolidayDates(LocalDate.of(2026, 10, 24), LocalDate.of(2026, 11, 4),
                            "Осенние каникулы"),
                    new SchoolCalendar.HolidayDates(LocalDate.of(2026, 12, 27), LocalDate.of(2027, 1, 11),
                            "Зимние каникулы"),
                    new SchoolCalendar.HolidayDates(LocalDate.of(2027, 3, 21), LocalDate.of(2027, 3, 29),
                            "Весенние каникулы"))), ADMIN);
        } catch (ProblemException closed) {
            log.info("school year of {} left as it is: {}", schoolId, closed.getMessage());
        }
    }

    /** Staff, classes with students, assignments and timetables of one school; returns the number of teachers. */
    private int roster(long seed, String schoolId, JsonNode spec, double size, Random random,
            List<DemoClass> region, boolean write) {
        ZoneId zone = ZoneId.of("Asia/Yekaterinburg");
        String code = spec.get("code").asString();
        boolean basic = spec.get("shortName").asString().contains("ООШ");
        boolean large = code.matches("ntgo-(sosh-\\d|ntg)");
        int letters = Math.max(1, (int) Math.round((large ? 2 : 1) * size));
        int topGrade = basic ? 9 : 11;
        save(schoolId, code, "D-1", RussianNames.next(random),
                List.of(StaffRole.SCHOOL_ADMINISTRATOR, StaffRole.TEACHER), write);
        Map<String, Double> lateness = new HashMap<>();
        java.util.function.Supplier<String> hire = () -> {
            String number = "T-" + (lateness.size() + 2);
            String id = save(schoolId, code, number, RussianNames.next(random), List.of(StaffRole.TEACHER), write);
            lateness.put(id, random(seed, code, number).nextDouble());
            return id;
        };
        Map<String, List<String>> subjectTeachers = new HashMap<>();
        Map<String, Integer> load = new HashMap<>();
        int teachers = 1;
        for (int grade = 1; grade <= topGrade; grade++) {
            for (int l = 0; l < letters; l++) {
                String letter = String.valueOf("АБВГДЕЖИКЛ".charAt(l));
                String classTeacher = null;
                Map<String, String> teacherOf = new LinkedHashMap<>();
                List<Curriculum.Subject> week = Curriculum.week(grade);
                if (grade <= 4) {
                    classTeacher = hire.get();
                    teachers++;
                }
                for (Curriculum.Subject subject : week) {
                    if (teacherOf.containsKey(subject.code())) {
                        continue;
                    }
                    boolean specialist = grade > 4 || subject == Curriculum.ENGLISH || subject == Curriculum.PE
                            || subject == Curriculum.MUSIC;
                    String teacher = classTeacher;
                    if (specialist) {
                        List<String> pool = subjectTeachers.computeIfAbsent(subject.code(), k -> new ArrayList<>());
                        String candidate = pool.isEmpty() ? null : pool.getLast();
                        if (candidate == null || load.getOrDefault(candidate, 0) >= 24) {
                            candidate = hire.get();
                            teachers++;
                            pool.add(candidate);
                        }
                        teacher = candidate;
                    }
                    teacherOf.put(subject.code(), teacher);
                    String finalTeacher = teacher;
                    load.merge(finalTeacher, (int) week.stream().filter(w -> w == subject).count(), Integer::sum);
                }
                if (classTeacher == null) {
                    classTeacher = teacherOf.values().iterator().next();
                }
                if (write) {
                    classes.open(new ClassRoster.OpenClass(schoolId, YEAR, grade, letter, classTeacher), ADMIN);
                }
                String classId = ClassRoster.classId(schoolId, YEAR, grade, letter);
                List<String> enrolled = new ArrayList<>();
                int size20to30 = 20 + random.nextInt(11);
                for (int n = 1; n <= size20to30; n++) {
                    RussianNames.Name name = RussianNames.next(random);
                    String number = code + "-" + grade + letter + "-" + n;
                    LocalDate birth = LocalDate.of(2026 - 7 - grade, 1 + random.nextInt(12), 1 + random.nextInt(28));
                    String studentId = StudentRegistry.studentId(number);
                    if (write) {
                        students.save(number, new StudentRegistry.StudentRecord(name.lastName(), name.firstName(),
                                name.middleName(), birth));
                        classes.enrol(classId, studentId, FIRST_DAY, ADMIN);
                    }
                    enrolled.add(studentId);
                }
                if (write) {
                    for (var assignment : teacherOf.entrySet()) {
                        classes.assign(classId, new ClassRoster.Assign(SubjectCatalog.subjectId(assignment.getKey()),
                                assignment.getValue(), null, FIRST_DAY), ADMIN);
                    }
                }
                List<Slot> slots = timetable(week, random);
                // the rooms are drawn whether or not they are written, so that later draws stay the same
                List<TimetableBook.SlotRequest> requests = slots.stream().map(slot -> new TimetableBook.SlotRequest(
                        slot.weekday(), slot.number(), hhmm(BELLS.get(slot.number() - 1)),
                        hhmm(BELLS.get(slot.number() - 1).plusMinutes(40)),
                        SubjectCatalog.subjectId(slot.subject().code()), teacherOf.get(slot.subject().code()),
                        String.valueOf(10 + random.nextInt(30)), null, FIRST_DAY, null)).toList();
                if (write) {
                    timetables.setSlots(classId, requests, ADMIN);
                }
                region.add(new DemoClass(classId, code + "-" + grade + letter, schoolId, zone, grade, enrolled,
                        teacherOf, lateness, slots));
            }
        }
        return teachers;
    }

    private String save(String schoolId, String code, String number, RussianNames.Name name, List<StaffRole> roles,
            boolean write) {
        if (write) {
            String email = number.toLowerCase() + "@" + code + ".demo.example.ru";
            staff.save(schoolId, number, new StaffRegistry.StaffRecord(name.lastName(), name.firstName(),
                    name.middleName(), email, roles, true));
        }
        return StaffRegistry.staffId(schoolId, number);
    }

    /** Spreads the week's lessons over Monday to Friday, at most 7 a day, keeping repeats on different days. */
    private static List<Slot> timetable(List<Curriculum.Subject> week, Random random) {
        List<Curriculum.Subject> shuffled = new ArrayList<>(week);
        java.util.Collections.shuffle(shuffled, random);
        shuffled.sort(java.util.Comparator.comparingLong(s -> -week.stream().filter(w -> w == s).count()));
        List<List<Curriculum.Subject>> days = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            days.add(new ArrayList<>());
        }
        int day = 0;
        for (Curriculum.Subject subject : shuffled) {
            int tries = 0;
            while ((days.get(day).size() >= 7 || days.get(day).contains(subject) && tries < 5) && tries < 10) {
                day = (day + 1) % 5;
                tries++;
            }
            days.get(day).add(subject);
            day = (day + 1) % 5;
        }
        List<Slot> slots = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            for (int n = 0; n < days.get(d).size(); n++) {
                slots.add(new Slot(d + 1, n + 1, days.get(d).get(n)));
            }
        }
        return slots;
    }

    /** One school day of a class: each lesson entered on time, late, or not yet, as its teacher tends to. */
    private void lessonsOf(long seed, DemoClass c, LocalDate day, int[] counts) {
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY || calendar.whyNoLessons(c.schoolId(), day).isPresent()) {
            return;
        }
        Random random = random(seed, c.key(), day);
        List<String> absent = new ArrayList<>();
        for (String student : c.students()) {
            if (random.nextDouble() < 0.045) {
                absent.add(student);
            }
        }
        Instant now = clock.instant();
        for (Slot slot : c.week()) {
            if (slot.weekday() != day.getDayOfWeek().getValue()) {
                continue;
            }
            String teacher = c.teacherOf().get(slot.subject().code());
            double lateness = c.lateness().getOrDefault(teacher, 0.0);
            Instant lessonEnd = day.atTime(BELLS.get(slot.number() - 1).plusMinutes(40)).atZone(c.zone()).toInstant();
            Instant enteredAt;
            if (lateness > 0.95) {
                // a teacher who is days behind: entries come a week late
                enteredAt = lessonEnd.plus(Duration.ofDays(6 + random.nextInt(3)));
            } else if (lateness > 0.85 && random.nextDouble() < 0.3) {
                enteredAt = lessonEnd.plus(Duration.ofDays(2 + random.nextInt(5)));
            } else {
                enteredAt = lessonEnd.plus(Duration.ofMinutes(5 + random.nextInt(300)));
            }
            if (enteredAt.isAfter(now) || random.nextDouble() < 0.02) {
                counts[3]++;
                continue;
            }
            List<LessonRequests.GradeRequest> grades = new ArrayList<>();
            boolean written = random.nextDouble() < 0.12;
            for (String student : c.students()) {
                if (c.grade() == 1 || absent.contains(student) || !written && random.nextDouble() > 0.22) {
                    continue;
                }
                Random ability = random(seed, student);
                double mean = 3.0 + ability.nextDouble() * 1.9;
                long value = Math.max(2, Math.min(5, Math.round(mean + random.nextGaussian() * 0.7)));
                grades.add(new LessonRequests.GradeRequest(student, String.valueOf(value), null, null,
                        written ? GradeKind.WRITTEN_WORK : random.nextDouble() < 0.2 ? GradeKind.HOMEWORK
                                : GradeKind.ORAL_ANSWER, null));
            }
            List<LessonRequests.AbsenceRequest> absences = absent.stream().map(student ->
                    new LessonRequests.AbsenceRequest(student, random.nextDouble() < 0.8 ? AbsenceReason.ILLNESS
                            : random.nextBoolean() ? AbsenceReason.VALID : AbsenceReason.UNEXCUSED)).toList();
            LessonRequests.HomeworkRequest homework = random.nextDouble() < 0.6
                    ? new LessonRequests.HomeworkRequest("Параграф " + (10 + random.nextInt(40)) + ", упражнения "
                            + (100 + random.nextInt(300)), day.plusDays(2)) : null;
            String subjectId = SubjectCatalog.subjectId(slot.subject().code());
            lessons.submit(new LessonRequests.SubmitLesson(c.id(), subjectId, teacher, null, day, slot.number(), null,
                    null, slot.subject().name() + ": тема " + (1 + random.nextInt(60)), homework, grades, absences,
                    null), "demo-" + seed + "-" + c.key() + "-" + day + "-" + slot.number(), teacher,
                    enteredAt);
            counts[0]++;
            counts[1] += grades.size();
            counts[2] += absences.size();
        }
    }

    /** First-quarter marks of grades 2–11, mostly within the two days after the quarter, some late or missing. */
    private void quarterOneMarks(long seed, List<DemoClass> region) {
        for (DemoClass c : region) {
            if (c.grade() == 1) {
                continue;
            }
            String periodId = SchoolCalendar.yearId(c.schoolId(), YEAR) + "-quarter1";
            for (var subject : c.teacherOf().entrySet()) {
                Random random = random(seed, c.key(), subject.getKey());
                double roll = random.nextDouble();
                if (roll < 0.03) {
                    continue;
                }
                LocalDate day = roll < 0.10 ? LocalDate.of(2026, 10, 28) : LocalDate.of(2026, 10, 23)
                        .plusDays(random.nextInt(3));
                Instant enteredAt = day.atTime(15 + random.nextInt(4), random.nextInt(60)).atZone(c.zone())
                        .toInstant();
                List<PeriodMarks.StudentMark> results = c.students().stream().map(student -> {
                    double mean = 3.0 + random(seed, student).nextDouble() * 1.9;
                    return new PeriodMarks.StudentMark(student, String.valueOf(Math.round(mean)), null);
                }).toList();
                marks.enterAt(c.id(), SubjectCatalog.subjectId(subject.getKey()), periodId,
                        new PeriodMarks.EnterResults(results, null), subject.getValue(), enteredAt);
            }
        }
    }

    /**
     * A generator for one part of the region. java.util.Random's own seeding correlates close seeds (their first
     * numbers nearly equal), so the seed is mixed first.
     */
    private static Random random(long seed, Object... parts) {
        return new Random(new SplittableRandom(seed * 0x9E3779B97F4A7C15L + Arrays.hashCode(parts)).nextLong());
    }

    private static String hhmm(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }
}
