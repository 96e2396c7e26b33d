package ru.eshkola.monitoring.roster;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.mongo.VersionedUpsert;
import ru.eshkola.monitoring.roster.JournalClassEvents.AccessChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.AssignmentChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.ClassChanged;
import ru.eshkola.monitoring.roster.JournalClassEvents.EnrolmentChanged;
import ru.eshkola.monitoring.roster.RosterDocuments.AccessDocument;
import ru.eshkola.monitoring.roster.RosterDocuments.AssignmentDocument;
import ru.eshkola.monitoring.roster.RosterDocuments.ClassDocument;
import ru.eshkola.monitoring.roster.RosterDocuments.EnrolmentDocument;

/**
 * Classes, who is enrolled in them, who teaches what, and which students get the service (an active guardian access
 * or the student's own), fed only by {@code journal.classes} and {@code applications.access}. Each write is one
 * upsert guarded by the entry's version: duplicates and replays change nothing, an older version never wins.
 */
@Configuration
public class Roster {

    private final MongoTemplate mongo;

    Roster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Bean
    Consumer<Message<byte[]>> onClassEvents(InboundEvents events) {
        return events.consumer("roster-classes")
                .on("journal.class.opened.v1", ClassChanged.class, e -> classChanged(e.data()))
                .on("journal.class.updated.v1", ClassChanged.class, e -> classChanged(e.data()))
                .on("journal.enrolment.started.v1", EnrolmentChanged.class, e -> enrolmentChanged(e.data()))
                .on("journal.enrolment.ended.v1", EnrolmentChanged.class, e -> enrolmentChanged(e.data()))
                .on("journal.assignment.started.v1", AssignmentChanged.class, e -> assignmentChanged(e.data()))
                .on("journal.assignment.ended.v1", AssignmentChanged.class, e -> assignmentChanged(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onAccessEvents(InboundEvents events) {
        return events.consumer("roster-access")
                .on("applications.access.granted.v1", AccessChanged.class, e -> accessChanged(e.data()))
                .on("applications.access.revoked.v1", AccessChanged.class, e -> accessChanged(e.data()))
                .build();
    }

    void classChanged(ClassChanged c) {
        VersionedUpsert.ifNewer(mongo, ClassDocument.class, c.classId(), c.version(), new Update().set("schoolId", c.schoolId())
                .set("schoolYear", c.schoolYear()).set("gradeLevel", c.gradeLevel()).set("name", c.name())
                .set("classTeacherId", c.classTeacherId()));
    }

    void enrolmentChanged(EnrolmentChanged e) {
        VersionedUpsert.ifNewer(mongo, EnrolmentDocument.class, e.enrolmentId(), e.version(), new Update().set("classId", e.classId())
                .set("schoolId", e.schoolId()).set("studentId", e.studentId()).set("from", e.from().toString())
                .set("to", e.to() == null ? null : e.to().toString()));
    }

    void assignmentChanged(AssignmentChanged a) {
        VersionedUpsert.ifNewer(mongo, AssignmentDocument.class, a.assignmentId(), a.version(), new Update()
                .set("classId", a.classId()).set("schoolId", a.schoolId()).set("subjectId", a.subjectId())
                .set("teacherId", a.teacherId()).set("group", a.group()).set("from", a.from().toString())
                .set("to", a.to() == null ? null : a.to().toString()));
    }

    void accessChanged(AccessChanged a) {
        VersionedUpsert.ifNewer(mongo, AccessDocument.class, a.accessId(), a.version(), new Update()
                .set("accountId", a.guardianAccountId()).set("studentId", a.studentId()).set("schoolId", a.schoolId())
                .set("applicationId", a.applicationId()).set("relation", a.relation())
                .set("from", a.from().toString()).set("to", a.to() == null ? null : a.to().toString()));
    }

    public Optional<SchoolClass> schoolClass(String classId) {
        return Optional.ofNullable(mongo.findById(classId, ClassDocument.class)).map(Roster::toClass);
    }

    public List<SchoolClass> classesOf(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), ClassDocument.class).stream()
                .map(Roster::toClass).toList();
    }

    public List<Enrolment> enrolmentsOfClass(String classId) {
        return mongo.find(Query.query(Criteria.where("classId").is(classId)), EnrolmentDocument.class).stream()
                .map(Roster::toEnrolment).toList();
    }

    public List<Enrolment> enrolmentsOf(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), EnrolmentDocument.class).stream()
                .map(Roster::toEnrolment).toList();
    }

    public List<Assignment> assignmentsOfClass(String classId) {
        return mongo.find(Query.query(Criteria.where("classId").is(classId)), AssignmentDocument.class).stream()
                .map(a -> new Assignment(a.id(), a.classId(), a.subjectId(), a.teacherId(), a.group(),
                        LocalDate.parse(a.from()), date(a.to()))).toList();
    }

    public List<Access> accessOf(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), AccessDocument.class).stream()
                .map(a -> new Access(a.id(), a.accountId(), a.studentId(), a.schoolId(), a.applicationId(),
                        a.relation(), LocalDate.parse(a.from()), date(a.to()))).toList();
    }

    private static SchoolClass toClass(ClassDocument c) {
        return new SchoolClass(c.id(), c.schoolId(), c.schoolYear(), c.gradeLevel(), c.name());
    }

    private static Enrolment toEnrolment(EnrolmentDocument e) {
        return new Enrolment(e.id(), e.classId(), e.schoolId(), e.studentId(), LocalDate.parse(e.from()), date(e.to()));
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    private static boolean covers(LocalDate from, LocalDate to, LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    public record SchoolClass(String id, String schoolId, String schoolYear, int gradeLevel, String name) {
    }

    public record Enrolment(String id, String classId, String schoolId, String studentId, LocalDate from,
            LocalDate to) {

        public boolean activeOn(LocalDate date) {
            return covers(from, to, date);
        }
    }

    public record Assignment(String id, String classId, String subjectId, String teacherId, String group,
            LocalDate from, LocalDate to) {

        /** Teaching at some time between the two dates. */
        public boolean activeBetween(LocalDate start, LocalDate end) {
            return !from.isAfter(end) && (to == null || !to.isBefore(start));
        }
    }

    /** An account's access to a student's diary: the student gets the service while it is active. */
    public record Access(String id, String accountId, String studentId, String schoolId, String applicationId,
            String relation, LocalDate from, LocalDate to) {

        public boolean activeOn(LocalDate date) {
            return covers(from, to, date);
        }
    }
}
