package ru.eshkola.applications.roster;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.mongo.VersionedUpsert;
import ru.eshkola.kit.problems.ProblemException;

/**
 * The journal's roster as this service needs it — schools, students, staff, classes, enrolments, teaching
 * assignments — fed only by the journal's events ({@link RosterConsumers}). Each write is one upsert guarded by the
 * entry's version, so duplicates and replays change nothing and an older version never overwrites a newer one.
 */
@Service
public class Roster {

    private static final Logger log = LoggerFactory.getLogger(Roster.class);
    private static final Set<String> LEFT_SCHOOL = Set.of("LEFT_SCHOOL", "GRADUATED");

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher publisher;

    Roster(MongoTemplate mongo, ApplicationEventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    /** What other features need of a school: its names for notices and its time zone for deadlines. */
    public record SchoolInfo(String id, String code, String name, String shortName, String municipalityId,
            ZoneId timeZone) {
    }

    public record StudentInfo(String id, String lastName, String firstName, String middleName, LocalDate birthDate) {

        public String fullName() {
            return Roster.fullName(lastName, firstName, middleName);
        }
    }

    public record StaffInfo(String id, String schoolId, String externalId, String lastName, String firstName,
            String middleName, String email, Set<String> roles, boolean active) {

        public String fullName() {
            return Roster.fullName(lastName, firstName, middleName);
        }
    }

    /**
     * What a member of staff teaches or leads now: the scope claims of their tokens.
     *
     * @param classes  classes they teach in or lead
     * @param subjects subjects they teach
     * @param teaching {@code <classId>/<subjectId>} pairs, the precise form of the two above
     */
    public record StaffScope(Set<String> classes, Set<String> subjects, Set<String> teaching) {
    }

    public static String fullName(String lastName, String firstName, String middleName) {
        return lastName + " " + firstName + (middleName == null || middleName.isBlank() ? "" : " " + middleName);
    }

    public Optional<SchoolInfo> school(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterDocuments.School.class)).map(s -> new SchoolInfo(s.id(),
                s.code(), s.name(), s.shortName(), s.municipalityId(), ZoneId.of(s.timeZone())));
    }

    /** The school, or a refusal naming the request field that referred to it. */
    public SchoolInfo requireSchool(String field, String id) {
        return school(id).orElseThrow(() -> ProblemException.invalid(field,
                "no school " + id + " is known (schools come from the journal's journal.school.registered.v1)"));
    }

    public Optional<StudentInfo> student(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterDocuments.Student.class)).map(s -> new StudentInfo(s.id(),
                s.lastName(), s.firstName(), s.middleName(), LocalDate.parse(s.birthDate())));
    }

    public Optional<StaffInfo> staff(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterDocuments.Staff.class)).map(Roster::info);
    }

    /**
     * Whether the student belongs to the school on the date: an enrolment covering it, or one starting later that
     * has not ended (admitted for the coming year). Enrolments ended as entered in error never count.
     */
    public boolean isStudentOf(String studentId, String schoolId, LocalDate date) {
        String day = date.toString();
        Query query = Query.query(Criteria.where("studentId").is(studentId).and("schoolId").is(schoolId)
                .and("endReason").ne("ENTERED_IN_ERROR")
                .orOperator(Criteria.where("to").is(null), Criteria.where("to").gte(day)));
        return mongo.exists(query, RosterDocuments.Enrolment.class);
    }

    /** Classes and subjects of the staff members on the date (assignments not ended; classes led this year). */
    public StaffScope staffScope(Collection<String> staffIds, LocalDate today) {
        Set<String> classes = new TreeSet<>();
        Set<String> subjects = new TreeSet<>();
        Set<String> teaching = new TreeSet<>();
        if (staffIds.isEmpty()) {
            return new StaffScope(classes, subjects, teaching);
        }
        String day = today.toString();
        List<RosterDocuments.Assignment> assignments = mongo.find(Query.query(Criteria.where("teacherId").in(staffIds)
                .orOperator(Criteria.where("to").is(null), Criteria.where("to").gte(day))),
                RosterDocuments.Assignment.class);
        for (RosterDocuments.Assignment a : assignments) {
            classes.add(a.classId());
            subjects.add(a.subjectId());
            teaching.add(a.classId() + "/" + a.subjectId());
        }
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        List<String> years = List.of(startYear + "/" + (startYear + 1), (startYear + 1) + "/" + (startYear + 2));
        mongo.find(Query.query(Criteria.where("classTeacherId").in(staffIds).and("schoolYear").in(years)),
                RosterDocuments.SchoolClass.class).forEach(c -> classes.add(c.id()));
        return new StaffScope(classes, subjects, teaching);
    }

    void schoolRegistered(JournalEvents.SchoolRegistered school) {
        mongo.upsert(Query.query(Criteria.where("_id").is(school.schoolId())), new Update()
                .set("code", school.code())
                .set("name", school.name())
                .set("shortName", school.shortName())
                .set("municipalityId", school.municipalityId())
                .set("municipalityName", school.municipalityName())
                .set("timeZone", school.timeZone()), RosterDocuments.School.class);
    }

    void studentChanged(JournalEvents.StudentChanged student) {
        upsertIfNewer(RosterDocuments.Student.class, student.studentId(), student.version(), new Update()
                .set("externalId", student.externalId())
                .set("lastName", student.lastName())
                .set("firstName", student.firstName())
                .set("middleName", student.middleName())
                .set("birthDate", student.birthDate().toString()));
    }

    void staffChanged(JournalEvents.StaffChanged staff) {
        Applied applied = upsertIfNewer(RosterDocuments.Staff.class, staff.staffId(), staff.version(), new Update()
                .set("schoolId", staff.schoolId())
                .set("externalId", staff.externalId())
                .set("lastName", staff.lastName())
                .set("firstName", staff.firstName())
                .set("middleName", staff.middleName())
                .set("email", staff.email())
                .set("roles", List.copyOf(new TreeSet<>(staff.roles())))
                .set("active", staff.active()));
        if (applied != Applied.STALE) {
            publisher.publishEvent(new StaffMemberChanged(staff.staffId(), staff.schoolId(), staff.externalId(),
                    staff.lastName(), staff.firstName(), staff.middleName(), staff.email(),
                    Set.copyOf(staff.roles()), staff.active()));
        }
    }

    void classChanged(JournalEvents.ClassChanged schoolClass) {
        upsertIfNewer(RosterDocuments.SchoolClass.class, schoolClass.classId(), schoolClass.version(), new Update()
                .set("schoolId", schoolClass.schoolId())
                .set("schoolYear", schoolClass.schoolYear())
                .set("name", schoolClass.name())
                .set("classTeacherId", schoolClass.classTeacherId()));
    }

    void enrolmentChanged(JournalEvents.EnrolmentChanged enrolment) {
        Applied applied = upsertIfNewer(RosterDocuments.Enrolment.class, enrolment.enrolmentId(), enrolment.version(),
                new Update()
                        .set("classId", enrolment.classId())
                        .set("schoolId", enrolment.schoolId())
                        .set("studentId", enrolment.studentId())
                        .set("from", enrolment.from().toString())
                        .set("to", enrolment.to() == null ? null : enrolment.to().toString())
                        .set("endReason", enrolment.endReason()));
        if (applied != Applied.STALE && enrolment.to() != null && LEFT_SCHOOL.contains(enrolment.endReason())) {
            publisher.publishEvent(new StudentLeftSchool(enrolment.studentId(), enrolment.schoolId(), enrolment.to(),
                    enrolment.endReason()));
        }
    }

    void assignmentChanged(JournalEvents.AssignmentChanged assignment) {
        upsertIfNewer(RosterDocuments.Assignment.class, assignment.assignmentId(), assignment.version(), new Update()
                .set("classId", assignment.classId())
                .set("schoolId", assignment.schoolId())
                .set("subjectId", assignment.subjectId())
                .set("teacherId", assignment.teacherId())
                .set("from", assignment.from().toString())
                .set("to", assignment.to() == null ? null : assignment.to().toString()));
    }

    /** How a versioned event compares with what is stored. */
    enum Applied {
        /** newer than what was stored (or nothing was): written */
        NEWER,
        /** exactly the stored version: a redelivery, nothing written */
        SAME,
        /** older than what is stored: dropped */
        STALE
    }

    /** The kit's versioned upsert; when it writes nothing, tells a redelivery from a stale event (logged). */
    Applied upsertIfNewer(Class<?> type, String id, int version, Update update) {
        if (VersionedUpsert.ifNewer(mongo, type, id, version, update)) {
            return Applied.NEWER;
        }
        org.bson.Document stored = mongo.getCollection(mongo.getCollectionName(type))
                .find(new org.bson.Document("_id", id)).first();
        int storedVersion = stored == null ? 0 : stored.getInteger("version", 0);
        if (storedVersion == version) {
            return Applied.SAME;
        }
        log.info("dropped version {} of {} {}: version {} is stored", version, type.getSimpleName(), id,
                storedVersion);
        return Applied.STALE;
    }

    private static StaffInfo info(RosterDocuments.Staff s) {
        return new StaffInfo(s.id(), s.schoolId(), s.externalId(), s.lastName(), s.firstName(), s.middleName(),
                s.email(), s.roles() == null ? Set.of() : Set.copyOf(s.roles()), s.active());
    }
}
