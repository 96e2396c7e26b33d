package ru.eshkola.notification.contacts;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/**
 * One consumer per topic that feeds the contact store. Types on those topics this service does not need are listed
 * as ignored; any other type is a contract change nobody prepared for and is dead-lettered by the kit.
 */
@Configuration
class ContactConsumers {

    private final Contacts contacts;

    ContactConsumers(Contacts contacts) {
        this.contacts = contacts;
    }

    @Bean
    Consumer<Message<byte[]>> onSchoolEvents(InboundEvents events) {
        return events.consumer("contacts-schools")
                .on("journal.school.registered.v1", ContactEvents.SchoolRegistered.class,
                        e -> contacts.schoolRegistered(e.data()))
                .ignore("journal.school-year.configured.v1", "journal.school-year.closed.v1")
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onStaffEvents(InboundEvents events) {
        return events.consumer("contacts-staff")
                .on("journal.staff.registered.v1", ContactEvents.StaffChanged.class, e -> contacts.staffChanged(e.data()))
                .on("journal.staff.updated.v1", ContactEvents.StaffChanged.class, e -> contacts.staffChanged(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onStudentEvents(InboundEvents events) {
        return events.consumer("contacts-students")
                .on("journal.student.registered.v1", ContactEvents.StudentChanged.class,
                        e -> contacts.studentChanged(e.data()))
                .on("journal.student.updated.v1", ContactEvents.StudentChanged.class,
                        e -> contacts.studentChanged(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onSubjectEvents(InboundEvents events) {
        return events.consumer("contacts-subjects")
                .on("journal.subject.defined.v1", ContactEvents.SubjectDefined.class,
                        e -> contacts.subjectDefined(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onClassEvents(InboundEvents events) {
        return events.consumer("contacts-classes")
                .on("journal.class.opened.v1", ContactEvents.ClassChanged.class, e -> contacts.classChanged(e.data()))
                .on("journal.class.updated.v1", ContactEvents.ClassChanged.class, e -> contacts.classChanged(e.data()))
                .ignore("journal.enrolment.started.v1", "journal.enrolment.ended.v1",
                        "journal.assignment.started.v1", "journal.assignment.ended.v1")
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onAccessEvents(InboundEvents events) {
        return events.consumer("contacts-access")
                .on("applications.access.granted.v1", ContactEvents.AccessChanged.class,
                        e -> contacts.accessChanged(e.data(), true))
                .on("applications.access.revoked.v1", ContactEvents.AccessChanged.class,
                        e -> contacts.accessChanged(e.data(), false))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onConsentEvents(InboundEvents events) {
        return events.consumer("contacts-consents")
                .on("applications.consent.given.v1", ContactEvents.ConsentChanged.class,
                        e -> contacts.consentChanged(e.data(), true))
                .on("applications.consent.withdrawn.v1", ContactEvents.ConsentChanged.class,
                        e -> contacts.consentChanged(e.data(), false))
                .build();
    }
}
