package ru.eshkola.notification.applicants;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/** One consumer per applications topic this feature mails about, dispatching by type. */
@Configuration
class ApplicantConsumers {

    private final ApplicantMails mails;

    ApplicantConsumers(ApplicantMails mails) {
        this.mails = mails;
    }

    @Bean
    Consumer<Message<byte[]>> onAccountEvents(InboundEvents events) {
        return events.consumer("applicants-accounts")
                .on("applications.account.issued.v1", ApplicantEvents.AccountIssued.class,
                        e -> mails.accountIssued(e.id(), e.type(), e.data()))
                .on("applications.account.blocked.v1", ApplicantEvents.AccountBlocked.class,
                        e -> mails.accountBlocked(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationEvents(InboundEvents events) {
        return events.consumer("applicants-applications")
                .on("applications.application.refused.v1", ApplicantEvents.ApplicationRefused.class,
                        e -> mails.refused(e.id(), e.type(), e.data()))
                .on("applications.application.terminated.v1", ApplicantEvents.ApplicationTerminated.class,
                        e -> mails.terminated(e.id(), e.type(), e.data()))
                .ignore("applications.application.received.v1", "applications.application.granted.v1",
                        "applications.decision.overdue.v1")
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onComplaintEvents(InboundEvents events) {
        return events.consumer("applicants-complaints")
                .on("applications.complaint.answered.v1", ApplicantEvents.ComplaintAnswered.class,
                        e -> mails.complaintAnswered(e.id(), e.type(), e.data()))
                .ignore("applications.complaint.registered.v1", "applications.complaint.overdue.v1")
                .build();
    }
}
