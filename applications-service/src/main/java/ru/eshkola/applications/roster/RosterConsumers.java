package ru.eshkola.applications.roster;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/**
 * One consumer per journal topic. Types on those topics that this service does not need are listed as ignored;
 * any other type is a contract change nobody prepared for and is dead-lettered by the kit.
 */
@Configuration
class RosterConsumers {

    private final Roster roster;

    RosterConsumers(Roster roster) {
        this.roster = roster;
    }

    @Bean
    Consumer<Message<byte[]>> onSchoolEvents(InboundEvents events) {
        return events.consumer("roster-schools")
                .on("journal.school.registered.v1", JournalEvents.SchoolRegistered.class,
                        e -> roster.schoolRegistered(e.data()))
                .ignore("journal.school-year.configured.v1", "journal.school-year.closed.v1")
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onStudentEvents(InboundEvents events) {
        return events.consumer("roster-students")
                .on("journal.student.registered.v1", JournalEvents.StudentChanged.class,
                        e -> roster.studentChanged(e.data()))
                .on("journal.student.updated.v1", JournalEvents.StudentChanged.class,
                        e -> roster.studentChanged(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onStaffEvents(InboundEvents events) {
        return events.consumer("roster-staff")
                .on("journal.staff.registered.v1", JournalEvents.StaffChanged.class, e -> roster.staffChanged(e.data()))
                .on("journal.staff.updated.v1", JournalEvents.StaffChanged.class, e -> roster.staffChanged(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onClassEvents(InboundEvents events) {
        return events.consumer("roster-classes")
                .on("journal.class.opened.v1", JournalEvents.ClassChanged.class, e -> roster.classChanged(e.data()))
                .on("journal.class.updated.v1", JournalEvents.ClassChanged.class, e -> roster.classChanged(e.data()))
                .on("journal.enrolment.started.v1", JournalEvents.EnrolmentChanged.class,
                        e -> roster.enrolmentChanged(e.data()))
                .on("journal.enrolment.ended.v1", JournalEvents.EnrolmentChanged.class,
                        e -> roster.enrolmentChanged(e.data()))
                .on("journal.assignment.started.v1", JournalEvents.AssignmentChanged.class,
                        e -> roster.assignmentChanged(e.data()))
                .on("journal.assignment.ended.v1", JournalEvents.AssignmentChanged.class,
                        e -> roster.assignmentChanged(e.data()))
                .build();
    }
}
