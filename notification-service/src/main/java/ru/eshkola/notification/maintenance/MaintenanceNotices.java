package ru.eshkola.notification.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.MessageSummary;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.Recipient;
import ru.eshkola.notification.mail.RussianDates;

/**
 * Announces maintenance to every active user in its scope: the notice at once and the reminders as scheduled
 * messages (queued now, due {@code reminders} before the start — a durable timer that survives restarts), all
 * recorded under the window. Cancelling cancels what is still queued and tells those who were told.
 */
@Service
class MaintenanceNotices {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceNotices.class);

    private final MongoTemplate mongo;
    private final Contacts contacts;
    private final MailQueue queue;
    private final MaintenanceSettings settings;
    private final Clock clock;

    MaintenanceNotices(MongoTemplate mongo, Contacts contacts, MailQueue queue, MaintenanceSettings settings,
            Clock clock) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.queue = queue;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who is in scope and in which zones its schools keep time. */
    private record Reach(String text, Set<String> schoolIds, Set<ZoneId> zones) {
    }

    MaintenanceWindow announce(MaintenanceWindow.Scope scope, String scopeId, Instant start, Instant end, String reason,
            String announcedBy, boolean acknowledgeShortNotice, String actor) {
        Instant now = clock.instant();
        Reach reach = reach(scope, scopeId);
        MaintenanceRules.Verdict verdict = MaintenanceRules.judge(start, end, now, reach.zones(),
                acknowledgeShortNotice, settings);
        List<String> warnings = new ArrayList<>(verdict.warnings());
        settings.reminders().stream().filter(lead -> !start.minus(lead).isAfter(now)).forEach(lead -> warnings.add(
                "REMINDER_SKIPPED: the reminder " + lead.toHours() + " h before the start is already past"));
        ZoneId zone = reach.zones().size() == 1 ? reach.zones().iterator().next() : contacts.defaultZone();
        MaintenanceWindow window = new MaintenanceWindow(EventIds.next(), scope,
                scope == MaintenanceWindow.Scope.REGION ? null : scopeId, reach.text(), start, end, zone.getId(),
                verdict.night(), verdict.shortNotice(), reason, announcedBy, actor, now,
                MaintenanceWindow.State.SCHEDULED, warnings, 0, false, null, null, null);
        mongo.insert(window);
        window = queueNotices(window, reach);
        log.info("maintenance window {} ({} {}) announced by {} to {} recipients{}", window.id(), scope,
                window.scopeId(), actor, window.recipientCount(), warnings.isEmpty() ? "" : ", warnings " + warnings);
        return window;
    }

    private MaintenanceWindow queueNotices(MaintenanceWindow window, Reach reach) {
        Instant now = clock.instant();
        List<Recipient> recipients = contacts.usersAt(window.scope() == MaintenanceWindow.Scope.REGION ? null
                : reach.schoolIds());
        Map<String, Object> base = model(window);
        List<OutgoingMail> mails = new ArrayList<>();
        for (Recipient recipient : recipients) {
            mails.add(new OutgoingMail(window.id() + ":notice", MailTemplate.MAINTENANCE_NOTICE, recipient,
                    personal(base, recipient), null, window.reference()));
            for (Duration lead : settings.reminders()) {
                Instant due = window.start().minus(lead);
                if (due.isAfter(now)) {
                    Map<String, Object> model = personal(base, recipient);
                    model.put("leadText", leadText(lead));
                    mails.add(new OutgoingMail(window.id() + ":reminder:" + lead, MailTemplate.MAINTENANCE_REMINDER,
                            recipient, model, due, window.reference()));
                }
            }
        }
        queue.enqueueAll(mails);
        List<String> warnings = new ArrayList<>(window.warnings());
        if (recipients.isEmpty()) {
            warnings.add("NO_RECIPIENTS: no active user with an e-mail address is known in the scope yet");
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(window.id())), new Update()
                .set("announced", true).set("recipientCount", recipients.size()).set("warnings", warnings),
                MaintenanceWindow.class);
        return mongo.findById(window.id(), MaintenanceWindow.class);
    }

    /** Windows whose announcement a crash interrupted are announced again; the message ids make it idempotent. */
    @Scheduled(fixedDelayString = "${notification.maintenance.announce-retry:1m}", initialDelayString = "10s")
    void announceInterrupted() {
        try {
            Instant cutoff = clock.instant().minus(Duration.ofSeconds(30));
            for (MaintenanceWindow window : mongo.find(Query.query(Criteria.where("announced").is(false)
                    .and("state").is(MaintenanceWindow.State.SCHEDULED).and("createdAt").lt(cutoff)),
                    MaintenanceWindow.class)) {
                log.info("announcing maintenance window {} again: its announcement was interrupted", window.id());
                queueNotices(window, reach(window.scope(), window.scopeId()));
            }
        } catch (RuntimeException e) {
            log.warn("re-announcing interrupted maintenance windows failed: {}", e.toString());
        }
    }

    MaintenanceWindow cancel(String id, String cancelReason, String actor) {
        MaintenanceWindow window = get(id);
        Instant now = clock.instant();
        if (window.state() == MaintenanceWindow.State.CANCELLED) {
            throw ProblemException.conflict("maintenance-cancelled", "maintenance window " + id
                    + " is already cancelled");
        }
        if (!window.start().isAfter(now)) {
            throw ProblemException.conflict("maintenance-started", "maintenance window " + id + " has started");
        }
        var result = mongo.updateFirst(Query.query(Criteria.where("_id").is(id)
                        .and("state").is(MaintenanceWindow.State.SCHEDULED)),
                new Update().set("state", MaintenanceWindow.State.CANCELLED).set("cancelledAt", now)
                        .set("cancelledBy", actor).set("cancelReason", cancelReason), MaintenanceWindow.class);
        if (result.getModifiedCount() == 0) {
            throw ProblemException.conflict("maintenance-cancelled", "maintenance window " + id
                    + " is already cancelled");
        }
        queue.cancelQueued(window.reference());
        MaintenanceWindow cancelled = get(id);
        Map<String, Object> base = model(cancelled);
        List<OutgoingMail> mails = new ArrayList<>();
        // everyone whose notice went out (or is going out right now): FAILED and CANCELLED notices told nobody
        for (MessageSummary notice : queue.byReference(window.reference())) {
            if (notice.template().equals(MailTemplate.MAINTENANCE_NOTICE.templateName())
                    && (notice.state() == ru.eshkola.notification.mail.MessageState.SENT
                    || notice.state() == ru.eshkola.notification.mail.MessageState.QUEUED)) {
                Recipient recipient = new Recipient(notice.recipientId(), notice.to(), null);
                mails.add(new OutgoingMail(id + ":cancelled", MailTemplate.MAINTENANCE_CANCELLED, recipient,
                        personal(base, recipient), null, window.reference()));
            }
        }
        queue.enqueueAll(mails);
        log.info("maintenance window {} cancelled by {}; {} recipients told", id, actor, mails.size());
        return cancelled;
    }

    MaintenanceWindow get(String id) {
        MaintenanceWindow window = mongo.findById(id, MaintenanceWindow.class);
        if (window == null) {
            throw ProblemException.notFound("maintenance window", id);
        }
        return window;
    }

    List<MaintenanceWindow> list(Instant from) {
        return mongo.find(Query.query(Criteria.where("end").gte(from)).with(Sort.by("start")),
                MaintenanceWindow.class);
    }

    List<MessageSummary> messages(MaintenanceWindow window) {
        return queue.byReference(window.reference());
    }

    private Reach reach(MaintenanceWindow.Scope scope, String scopeId) {
        List<Contacts.School> schools = contacts.schools();
        return switch (scope) {
            case REGION -> new Reach("все школы региона", schools.stream().map(Contacts.School::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new)), zones(schools));
            case MUNICIPALITY -> {
                List<Contacts.School> in = schools.stream().filter(s -> s.municipalityId().equals(scopeId)).toList();
                if (scopeId == null || in.isEmpty()) {
                    throw ProblemException.invalid("scopeId", "no municipality " + scopeId + " with schools is known "
                            + "(schools come from journal.school.registered.v1)");
                }
                String name = in.getFirst().municipalityName() != null ? in.getFirst().municipalityName() : scopeId;
                yield new Reach("все школы: " + name, in.stream().map(Contacts.School::id)
                        .collect(Collectors.toCollection(LinkedHashSet::new)), zones(in));
            }
            case SCHOOL -> {
                Contacts.School school = scopeId == null ? null : contacts.school(scopeId).orElse(null);
                if (school == null) {
                    throw ProblemException.invalid("scopeId", "no school " + scopeId + " is known (schools come "
                            + "from journal.school.registered.v1)");
                }
                yield new Reach(school.name(), Set.of(school.id()), Set.of(school.zone()));
            }
        };
    }

    private Set<ZoneId> zones(List<Contacts.School> schools) {
        Set<ZoneId> zones = schools.stream().map(Contacts.School::zone).collect(Collectors.toCollection(LinkedHashSet::new));
        if (zones.isEmpty()) {
            zones.add(contacts.defaultZone());
        }
        return zones;
    }

    private static Map<String, Object> model(MaintenanceWindow window) {
        ZoneId zone = ZoneId.of(window.zone());
        ZoneOffset offset = zone.getRules().getOffset(window.start());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("dateText", RussianDates.date(window.start(), zone));
        model.put("fromText", RussianDates.dateTime(window.start(), zone));
        model.put("toText", RussianDates.dateTime(window.end(), zone));
        model.put("fromTime", RussianDates.time(window.start(), zone));
        model.put("toTime", RussianDates.time(window.end(), zone));
        model.put("durationText", RussianDates.duration(Duration.between(window.start(), window.end())));
        model.put("zoneText", zone.getId() + ", UTC" + offset.getId().replace("Z", "+00:00"));
        model.put("scopeText", window.scopeText());
        model.put("reason", window.reason());
        model.put("announcedBy", window.announcedBy());
        model.put("cancelReason", window.cancelReason());
        return model;
    }

    private static Map<String, Object> personal(Map<String, Object> base, Recipient recipient) {
        Map<String, Object> model = new LinkedHashMap<>(base);
        model.put("recipientName", recipient.name());
        return model;
    }

    static String leadText(Duration lead) {
        if (lead.equals(Duration.ofHours(24))) {
            return "через сутки";
        }
        if (lead.equals(Duration.ofHours(1))) {
            return "через час";
        }
        return "через " + RussianDates.duration(lead);
    }
}
