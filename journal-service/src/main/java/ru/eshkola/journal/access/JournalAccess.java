package ru.eshkola.journal.access;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Roles;

/**
 * Every access rule of the journal, in one place (the README's "Access rules" table is this class in words).
 * Controllers and the services that need the journal's own data call a rule before they act; a refused rule throws
 * {@link AccessDeniedException} (a 403 problem, logged with the account id and counted by the kit), and a refusal
 * that concerns children's data is also written to the {@link AuditTrail}.
 *
 * <p>Who is who:
 * <ul>
 * <li><b>administrator of S</b>: role SCHOOL_ADMINISTRATOR with S in {@code adminSchools};</li>
 * <li><b>staff of S</b>: role TEACHER or SCHOOL_ADMINISTRATOR with S in {@code schools};</li>
 * <li><b>a teacher of a class</b>: role TEACHER and one of the token's {@code staff} ids assigned to a subject of the
 * class (on the lesson's date, or during the range read) in the journal's own roster, or the class teacher;</li>
 * <li><b>operators of S's territory</b>: MUNICIPAL_OPERATOR of S's municipality, REGIONAL_OPERATOR of this journal's
 * region ({@code eshkola.journal.access.region});</li>
 * <li>guardians and students have nothing to do in the journal (their place is the diary): the coarse rule of
 * {@link JournalAccessRules} refuses them every API path.</li>
 * </ul>
 * Children's data (students' records, class lists, lessons with grades and absences, the journal page, period
 * results) is for staff only, never for operators.
 */
@Component
public class JournalAccess {

    private final JournalDirectory.Schools schools;
    private final JournalDirectory.Classes classes;
    private final AuditTrail audit;
    private final AccessSettings settings;
    private final Clock clock;

    JournalAccess(JournalDirectory.Schools schools, JournalDirectory.Classes classes, AuditTrail audit,
            AccessSettings settings, Clock clock) {
        this.schools = schools;
        this.classes = classes;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    // ---- the region's catalogues: schools, subjects, grade scales (reads: any journal role, JournalAccessRules)

    /** Registering a school: the region's operator, or the operator of the school's municipality. */
    public void requireSchoolRegistration(Caller caller, String municipalityId) {
        if (!regionalOperator(caller) && !municipalOperatorOf(caller, municipalityId)) {
            throw refused("schools are registered by the region's operator or the municipality's");
        }
    }

    /** Subjects and grade scales are the region's: its operator defines them. */
    public void requireCatalogueChange(Caller caller) {
        if (!regionalOperator(caller)) {
            throw refused("subjects and grade scales are defined by the region's operator");
        }
    }

    /** The demo region is loaded by the region's operator (and only where the demo is switched on at all). */
    public void requireDemoRegion(Caller caller) {
        requireCatalogueChange(caller);
    }

    // ---- a school's organisation: staff, school years, classes, assignments, timetables

    /** Changing school S's staff records, years, classes, enrolments, assignments or timetables. */
    public void requireSchoolAdministration(Caller caller, String schoolId) {
        if (!administrator(caller, schoolId)) {
            throw refused("only an administrator of school " + schoolId + " may change it");
        }
    }

    /**
     * Adding or changing a member of school S's staff: its administrator; and the operators of S's territory for
     * the school's administrators (the founder appoints a school's head, and a new school has no administrator who
     * could add the first one).
     */
    public void requireStaffChange(Caller caller, String schoolId, boolean administratorRecord) {
        if (administrator(caller, schoolId) || administratorRecord && operatorOver(caller, schoolId)) {
            return;
        }
        throw refused("staff of school " + schoolId + " is changed by its administrator (its administrators also "
                + "by the operators of its territory)");
    }

    /** Reading school S's organisation (no children's data in it): its staff, and the operators of its territory. */
    public void requireSchoolRead(Caller caller, String schoolId) {
        if (!staffOf(caller, schoolId) && !operatorOver(caller, schoolId)) {
            throw refused("school " + schoolId + " is read by its staff and the operators of its territory");
        }
    }

    /** Whether the caller may see which students are in school S's classes (enrolments are children's data). */
    public boolean seesStudentsOf(Caller caller, String schoolId) {
        return staffOf(caller, schoolId);
    }

    /** The class's list of students by name: staff of the class's school only. */
    public void requireClassList(Caller caller, ClassScope schoolClass, Collection<String> studentIds) {
        if (!staffOf(caller, schoolClass.schoolId())) {
            throw deniedChildData(caller, AuditEntry.READ, schoolClass.schoolId(), studentIds);
        }
    }

    // ---- students' personal data

    /**
     * Registering or changing a student's record: a school administrator; an existing student's record only by an
     * administrator of the school that holds their file (their current or latest enrolment), or by any
     * administrator while the student was never enrolled (so that a school can register and then enrol them).
     */
    public void requireStudentRecordChange(Caller caller, String studentId, boolean exists) {
        if (!caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) || caller.adminSchools().isEmpty()) {
            throw refused("students are registered by school administrators");
        }
        if (exists) {
            List<Placement> placements = classes.placementsOf(studentId);
            if (!holdsFile(caller, placements)) {
                throw deniedChildData(caller, AuditEntry.CHANGE, latest(placements), List.of(studentId));
            }
        }
    }

    /**
     * Reading a student's record: staff of a school where the student is enrolled (today or from a later date), and
     * the administrators who may change it ({@link #requireStudentRecordChange}).
     */
    public void requireStudentRead(Caller caller, String studentId) {
        List<Placement> placements = classes.placementsOf(studentId);
        LocalDate today = LocalDate.now(clock);
        boolean ownStudent = placements.stream().filter(p -> p.openOn(today))
                .anyMatch(p -> staffOf(caller, p.schoolId()));
        if (!ownStudent && !(caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) && holdsFile(caller, placements))) {
            throw deniedChildData(caller, AuditEntry.READ, latest(placements), List.of(studentId));
        }
    }

    /** The school of the student's current or latest enrolment, or null when never enrolled. */
    public String schoolOf(String studentId) {
        return latest(classes.placementsOf(studentId));
    }

    // ---- lessons, grades, absences

    /**
     * Entering a new lesson: the teacher named on it, assigned to the subject in the class on the lesson's date; a
     * substitute named on it whom the class's timetable names for that lesson; or an administrator of the school.
     *
     * @param substituteOnTimetable whether the class's timetable (with its one-off changes) has the substitute on
     *                              that lesson; asked only of a caller who is that substitute
     */
    public void requireLessonEntry(Caller caller, ClassScope schoolClass, LessonFacts lesson,
            BooleanSupplier substituteOnTimetable) {
        if (administrator(caller, schoolClass.schoolId())) {
            return;
        }
        if (caller.hasRole(Roles.TEACHER)) {
            if (caller.isStaff(lesson.teacherId())
                    && schoolClass.teaches(lesson.teacherId(), lesson.subjectId(), lesson.date())) {
                return;
            }
            if (lesson.substituteTeacherId() != null && caller.isStaff(lesson.substituteTeacherId())
                    && substituteOnTimetable.getAsBoolean()) {
                return;
            }
        }
        throw deniedChildData(caller, AuditEntry.CHANGE, schoolClass.schoolId(), lesson.studentIds());
    }

    /**
     * Changing an entered lesson (replacing it, correcting or withdrawing a grade, cancelling it): its teacher while
     * assigned to the subject in the class on the lesson's date, the substitute recorded on it, or an administrator
     * of the school (who answers for the journal matching what happened: corrections on a teacher's behalf).
     */
    public void requireLessonChange(Caller caller, ClassScope schoolClass, LessonFacts lesson) {
        if (administrator(caller, schoolClass.schoolId()) || lessonTeacher(caller, schoolClass, lesson)) {
            return;
        }
        throw deniedChildData(caller, AuditEntry.CHANGE, schoolClass.schoolId(), lesson.studentIds());
    }

    /** Reading one lesson or its history: a teacher of the class on its date, its own teachers, administrators. */
    public void requireLessonRead(Caller caller, ClassScope schoolClass, LessonFacts lesson) {
        if (administrator(caller, schoolClass.schoolId()) || lessonTeacher(caller, schoolClass, lesson)
                || classTeacher(caller, schoolClass, lesson.date(), lesson.date())) {
            return;
        }
        throw deniedChildData(caller, AuditEntry.READ, schoolClass.schoolId(), lesson.studentIds());
    }

    /**
     * Reading a class's lessons over a range (the list, the journal page): a teacher of the class during the range
     * (any subject they teach in it; the class teacher) or an administrator of the school.
     */
    public void requireClassJournalRead(Caller caller, ClassScope schoolClass, LocalDate from, LocalDate to,
            Collection<String> studentIds) {
        if (!administrator(caller, schoolClass.schoolId()) && !classTeacher(caller, schoolClass, from, to)) {
            throw deniedChildData(caller, AuditEntry.READ, schoolClass.schoolId(), studentIds);
        }
    }

    // ---- period results

    /** Entering a class's period marks in a subject: a teacher of the subject in the class during the period. */
    public void requirePeriodResultsEntry(Caller caller, ClassScope schoolClass, String subjectId, LocalDate start,
            LocalDate end, Collection<String> studentIds) {
        if (administrator(caller, schoolClass.schoolId())) {
            return;
        }
        boolean teacher = caller.hasRole(Roles.TEACHER) && caller.staffIds().stream()
                .anyMatch(staffId -> schoolClass.teachesDuring(staffId, subjectId, start, end));
        if (!teacher) {
            throw deniedChildData(caller, AuditEntry.CHANGE, schoolClass.schoolId(), studentIds);
        }
    }

    /** Reading period marks: as the class's lessons over the period. */
    public void requirePeriodResultsRead(Caller caller, ClassScope schoolClass, LocalDate start, LocalDate end,
            Collection<String> studentIds) {
        requireClassJournalRead(caller, schoolClass, start, end, studentIds);
    }

    // ---- roster import

    /**
     * Importing a roster file: files of schools and subjects are the region's operator's; staff, students and
     * assignments are a school administrator's, and each line is checked with {@link #administers}.
     */
    public void requireRosterImport(Caller caller, boolean regionalFile) {
        if (regionalFile) {
            requireCatalogueChange(caller);
        } else if (!caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) || caller.adminSchools().isEmpty()) {
            throw refused("staff, students and assignments are imported by school administrators");
        }
    }

    /** The caller administers school S (a roster line about another school is refused as "not your school"). */
    public boolean administers(Caller caller, String schoolId) {
        return administrator(caller, schoolId);
    }

    /** A student line of an import may change this existing student's record ({@link #requireStudentRecordChange}). */
    public boolean holdsFileOf(Caller caller, String studentId) {
        return holdsFile(caller, classes.placementsOf(studentId));
    }

    // ---- the audit

    /** Searching the audit of school S: its administrators. */
    public void requireAuditSearch(Caller caller, String schoolId) {
        requireSchoolAdministration(caller, schoolId);
    }

    // ---- who is who

    private boolean administrator(Caller caller, String schoolId) {
        return caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) && caller.administers(schoolId);
    }

    private static boolean staffOf(Caller caller, String schoolId) {
        return caller.hasAnyRole(Roles.TEACHER, Roles.SCHOOL_ADMINISTRATOR) && caller.worksAt(schoolId);
    }

    private boolean regionalOperator(Caller caller) {
        return caller.hasRole(Roles.REGIONAL_OPERATOR) && caller.operatesInRegion(settings.region());
    }

    private static boolean municipalOperatorOf(Caller caller, String municipalityId) {
        return caller.hasRole(Roles.MUNICIPAL_OPERATOR) && caller.operatesInMunicipality(municipalityId);
    }

    private boolean operatorOver(Caller caller, String schoolId) {
        if (regionalOperator(caller)) {
            return true;
        }
        return caller.hasRole(Roles.MUNICIPAL_OPERATOR)
                && schools.municipalityOf(schoolId).map(m -> municipalOperatorOf(caller, m)).orElse(false);
    }

    /** The lesson's own teacher (still assigned on its date) or its recorded substitute. */
    private static boolean lessonTeacher(Caller caller, ClassScope schoolClass, LessonFacts lesson) {
        if (!caller.hasRole(Roles.TEACHER)) {
            return false;
        }
        return caller.isStaff(lesson.teacherId())
                && schoolClass.teaches(lesson.teacherId(), lesson.subjectId(), lesson.date())
                || caller.isStaff(lesson.substituteTeacherId());
    }

    /** A teacher of the class during the range: any subject they teach in it, or its class teacher. */
    private static boolean classTeacher(Caller caller, ClassScope schoolClass, LocalDate from, LocalDate to) {
        if (!caller.hasRole(Roles.TEACHER)) {
            return false;
        }
        return caller.isStaff(schoolClass.classTeacherId()) || caller.staffIds().stream()
                .anyMatch(staffId -> schoolClass.teachesAnythingDuring(staffId, from, to));
    }

    /** The administrator of the school of the student's current or latest enrolment; any, if never enrolled. */
    private boolean holdsFile(Caller caller, List<Placement> placements) {
        String school = latest(placements);
        return school == null ? caller.hasRole(Roles.SCHOOL_ADMINISTRATOR) : administrator(caller, school);
    }

    private static String latest(List<Placement> placements) {
        return placements.stream().max(Comparator.comparing(Placement::from)).map(Placement::schoolId).orElse(null);
    }

    private static AccessDeniedException refused(String why) {
        return new AccessDeniedException(why);
    }

    private AccessDeniedException deniedChildData(Caller caller, String action, String schoolId,
            Collection<String> studentIds) {
        audit.denied(caller, action, schoolId, studentIds);
        return new AccessDeniedException("not this caller's students");
    }

    /** What the lesson rules look at: its class's subject, teachers and date, and whose entries it holds. */
    public record LessonFacts(String subjectId, String teacherId, String substituteTeacherId, LocalDate date,
            Set<String> studentIds) {

        public LessonFacts {
            studentIds = studentIds == null ? Set.of() : Set.copyOf(studentIds);
        }
    }
}
