package ru.eshkola.notification.progress;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;

/** One consumer per journal progress topic, dispatching by type. */
@Configuration
class ProgressConsumers {

    private final ProgressNotices notices;

    ProgressConsumers(ProgressNotices notices) {
        this.notices = notices;
    }

    @Bean
    Consumer<Message<byte[]>> onGradeEvents(InboundEvents events) {
        return events.consumer("progress-grades")
                .on("journal.grade.recorded.v1", ProgressEvents.GradeChanged.class,
                        e -> notices.grade(e.id(), e.type(), e.data(), ProgressNotices.RECORDED))
                .on("journal.grade.corrected.v1", ProgressEvents.GradeChanged.class,
                        e -> notices.grade(e.id(), e.type(), e.data(), ProgressNotices.CORRECTED))
                .on("journal.grade.withdrawn.v1", ProgressEvents.GradeChanged.class,
                        e -> notices.grade(e.id(), e.type(), e.data(), ProgressNotices.WITHDRAWN))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onAbsenceEvents(InboundEvents events) {
        return events.consumer("progress-absences")
                .on("journal.absence.recorded.v1", ProgressEvents.AbsenceChanged.class,
                        e -> notices.absence(e.id(), e.type(), e.data(), ProgressNotices.RECORDED))
                .on("journal.absence.corrected.v1", ProgressEvents.AbsenceChanged.class,
                        e -> notices.absence(e.id(), e.type(), e.data(), ProgressNotices.CORRECTED))
                .on("journal.absence.withdrawn.v1", ProgressEvents.AbsenceChanged.class,
                        e -> notices.absence(e.id(), e.type(), e.data(), ProgressNotices.WITHDRAWN))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onPeriodResultEvents(InboundEvents events) {
        return events.consumer("progress-period-results")
                .on("journal.period-result.recorded.v1", ProgressEvents.PeriodResultChanged.class,
                        e -> notices.periodResult(e.id(), e.type(), e.data(), ProgressNotices.RECORDED))
                .on("journal.period-result.corrected.v1", ProgressEvents.PeriodResultChanged.class,
                        e -> notices.periodResult(e.id(), e.type(), e.data(), ProgressNotices.CORRECTED))
                .build();
    }
}
