package ru.eshkola.notification.extracts;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.mail.Freshness;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.RussianDates;
import ru.eshkola.notification.preferences.Category;
import ru.eshkola.notification.preferences.Preferences;
import ru.eshkola.notification.preferences.UnsubscribeLinks;

/** A paper extract is ready: the school's administrators are told where to download it for the applicant. */
@Component
class ExtractMails {

    private static final Logger log = LoggerFactory.getLogger(ExtractMails.class);

    private final Contacts contacts;
    private final Preferences preferences;
    private final UnsubscribeLinks links;
    private final MailQueue queue;
    private final Freshness freshness;
    private final ExtractSettings settings;
    private final MeterRegistry meters;

    ExtractMails(Contacts contacts, Preferences preferences, UnsubscribeLinks links, MailQueue queue,
            Freshness freshness, ExtractSettings settings, MeterRegistry meters) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.links = links;
        this.queue = queue;
        this.freshness = freshness;
        this.settings = settings;
        this.meters = meters;
    }

    @Configuration
    static class Consumers {

        @Bean
        Consumer<Message<byte[]>> onExtractEvents(InboundEvents events, ExtractMails mails) {
            return events.consumer("extracts")
                    .on("diary.extract.ready.v1", ExtractEvents.ExtractReady.class,
                            e -> mails.ready(e.id(), e.type(), e.data()))
                    .build();
        }
    }

    void ready(String eventId, String type, ExtractEvents.ExtractReady extract) {
        if (freshness.tooOld(extract.readyAt(), type)) {
            return;
        }
        List<Contacts.Staff> administrators = contacts.administrators(extract.schoolId());
        if (administrators.isEmpty()) {
            // nobody to tell yet: counted and logged (ids only); the extract itself waits in the diary service
            meters.counter("eshkola.notification.events.skipped", "type", type, "reason", "no-administrator")
                    .increment();
            log.warn("extract {} of school {} is ready but the school has no administrator with an e-mail address",
                    extract.extractId(), extract.schoolId());
            return;
        }
        ZoneId zone = contacts.zone(extract.schoolId());
        String studentName = contacts.student(extract.studentId()).map(Contacts.Student::fullName)
                .orElse("обучающийся");
        String schoolName = contacts.school(extract.schoolId()).map(Contacts.School::displayName).orElse(null);
        for (Contacts.Staff administrator : administrators) {
            if (!preferences.of(administrator.id()).wants(Category.EXTRACTS)) {
                continue;
            }
            Map<String, Object> model = new LinkedHashMap<>();
            model.put("recipientName", administrator.fullName());
            model.put("schoolName", schoolName);
            model.put("studentName", studentName);
            model.put("periodFrom", RussianDates.date(extract.periodFrom()));
            model.put("periodTo", RussianDates.date(extract.periodTo()));
            model.put("pages", extract.pages());
            model.put("readyAt", RussianDates.dateTime(extract.readyAt(), zone));
            model.put("downloadUrl", settings.diaryPublicUrl().replaceAll("/+$", "") + extract.downloadPath());
            links.url(administrator.id(), Category.EXTRACTS).ifPresent(url -> model.put("unsubscribeUrl", url));
            queue.enqueue(new OutgoingMail(eventId, MailTemplate.EXTRACT_READY, administrator.recipient(), model));
        }
    }
}
