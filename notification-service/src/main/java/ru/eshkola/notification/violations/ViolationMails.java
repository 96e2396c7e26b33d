package ru.eshkola.notification.violations;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.digests.ClosedDigest;
import ru.eshkola.notification.digests.DigestKind;
import ru.eshkola.notification.digests.Digests;
import ru.eshkola.notification.mail.Freshness;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.RussianDates;
import ru.eshkola.notification.preferences.Category;
import ru.eshkola.notification.preferences.Preferences;
import ru.eshkola.notification.preferences.UnsubscribeLinks;

/**
 * Deadline violations reach the responsible teacher and the school's administrators as one mail per person per
 * day, not one per grade: the school's violations of the day are collected in one digest (recipient = the school),
 * and at {@code notification.violations.send-hour} local time each teacher gets theirs and each administrator the
 * school's. Recipients are resolved then, from the contact store, so a teacher registered after the violation is
 * still reached. A violation closed the same day as NOT_REQUIRED or WITHDRAWN is left out; one closed as
 * ENTERED_LATE shows as entered late.
 */
@Component
class ViolationMails implements DigestKind {

    static final String DIGEST = "violations";
    private static final Set<String> NOT_A_VIOLATION = Set.of("NOT_REQUIRED", "WITHDRAWN");

    private final Contacts contacts;
    private final Digests digests;
    private final Preferences preferences;
    private final UnsubscribeLinks links;
    private final MailQueue queue;
    private final Freshness freshness;
    private final ViolationSettings settings;

    ViolationMails(Contacts contacts, Digests digests, Preferences preferences, UnsubscribeLinks links,
            MailQueue queue, Freshness freshness, ViolationSettings settings) {
        this.contacts = contacts;
        this.digests = digests;
        this.preferences = preferences;
        this.links = links;
        this.queue = queue;
        this.freshness = freshness;
        this.settings = settings;
    }

    @Configuration
    static class Consumers {

        @Bean
        java.util.function.Consumer<Message<byte[]>> onViolationEvents(InboundEvents events, ViolationMails mails) {
            return events.consumer("violations")
                    .on("monitoring.violation.opened.v1", ViolationEvents.ViolationChanged.class,
                            e -> mails.opened(e.type(), e.data()))
                    .on("monitoring.violation.closed.v1", ViolationEvents.ViolationChanged.class,
                            e -> mails.closed(e.type(), e.data()))
                    .build();
        }
    }

    void opened(String type, ViolationEvents.ViolationChanged violation) {
        Instant detected = violation.detectedAt() != null ? violation.detectedAt() : violation.dueAt();
        if (freshness.tooOld(detected, type)) {
            return;
        }
        digests.add(DIGEST, violation.schoolId(), contacts.zone(violation.schoolId()), settings.sendHour(), detected,
                violation.violationId(), violation.version(), item(violation));
    }

    /** Only while the day's mail is not sent: a violation closed later was already reported open. */
    void closed(String type, ViolationEvents.ViolationChanged violation) {
        Instant detected = violation.detectedAt() != null ? violation.detectedAt() : violation.closedAt();
        if (freshness.tooOld(violation.closedAt(), type)) {
            return;
        }
        digests.update(DIGEST, violation.schoolId(), contacts.zone(violation.schoolId()), settings.sendHour(),
                detected, violation.violationId(), violation.version(), item(violation));
    }

    private static Map<String, Object> item(ViolationEvents.ViolationChanged v) {
        Map<String, Object> item = new LinkedHashMap<>();
        put(item, "rule", v.rule());
        put(item, "kind", v.kind());
        put(item, "classId", v.classId());
        put(item, "subjectId", v.subjectId());
        put(item, "teacherId", v.teacherId());
        put(item, "studentId", v.studentId());
        put(item, "lessonDate", v.lessonDate() == null ? null : v.lessonDate().toString());
        put(item, "dueAt", v.dueAt().toString());
        put(item, "resolution", v.resolution());
        put(item, "enteredAt", v.enteredAt() == null ? null : v.enteredAt().toString());
        return item;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    @Override
    public String name() {
        return DIGEST;
    }

    @Override
    public void flush(ClosedDigest digest) {
        String schoolId = digest.recipientId();
        ZoneId zone = digest.zone();
        List<Map<String, Object>> shown = new ArrayList<>();
        for (Map<String, Object> item : digest.items().values()) {
            if (!(item.get("resolution") instanceof String resolution && NOT_A_VIOLATION.contains(resolution))) {
                shown.add(shown(item, zone));
            }
        }
        if (shown.isEmpty()) {
            return;
        }
        shown.sort(Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("teacherName")))
                .thenComparing(m -> String.valueOf(m.get("sortDue"))));
        String schoolName = contacts.school(schoolId).map(Contacts.School::displayName).orElse("школа");
        String dateText = RussianDates.date(digest.sendDate());
        List<Contacts.Staff> administrators = contacts.administrators(schoolId);
        Set<String> administratorIds = administrators.stream().map(Contacts.Staff::id).collect(Collectors.toSet());
        for (Contacts.Staff administrator : administrators) {
            mail(digest, MailTemplate.VIOLATIONS_ADMINISTRATOR, administrator, schoolName, dateText, shown);
        }
        Map<String, List<Map<String, Object>>> byTeacher = shown.stream().filter(m -> m.get("teacherId") != null)
                .collect(Collectors.groupingBy(m -> (String) m.get("teacherId"), LinkedHashMap::new,
                        Collectors.toList()));
        byTeacher.forEach((teacherId, items) -> {
            if (administratorIds.contains(teacherId)) {
                return; // one mail per person: the administrator's lists their own violations too
            }
            contacts.staff(teacherId).filter(s -> s.active() && s.email() != null)
                    .ifPresent(teacher -> mail(digest, MailTemplate.VIOLATIONS_TEACHER, teacher, schoolName, dateText,
                            items));
        });
    }

    private void mail(ClosedDigest digest, MailTemplate template, Contacts.Staff to, String schoolName,
            String dateText, List<Map<String, Object>> items) {
        if (!preferences.of(to.id()).wants(Category.VIOLATIONS)) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("recipientName", to.fullName());
        model.put("schoolName", schoolName);
        model.put("dateText", dateText);
        model.put("count", items.size());
        model.put("items", items);
        links.url(to.id(), Category.VIOLATIONS).ifPresent(url -> model.put("unsubscribeUrl", url));
        queue.enqueue(new OutgoingMail(digest.id(), template, to.recipient(), model));
    }

    private Map<String, Object> shown(Map<String, Object> item, ZoneId zone) {
        Map<String, Object> shown = new LinkedHashMap<>();
        String teacherId = (String) item.get("teacherId");
        shown.put("teacherId", teacherId);
        shown.put("teacherName", contacts.staff(teacherId).map(Contacts.Staff::fullName).orElse("учитель не указан"));
        shown.put("ruleName", ruleName((String) item.get("rule")));
        shown.put("className", contacts.className((String) item.get("classId")).orElse(null));
        shown.put("subjectName", contacts.subjectName((String) item.get("subjectId")).orElse(null));
        shown.put("studentName", item.get("studentId") == null ? null
                : contacts.student((String) item.get("studentId")).map(Contacts.Student::displayName).orElse(null));
        shown.put("lessonDate", item.get("lessonDate") == null ? null
                : RussianDates.date(java.time.LocalDate.parse((String) item.get("lessonDate"))));
        Instant due = Instant.parse((String) item.get("dueAt"));
        shown.put("dueAt", RussianDates.dateTime(due, zone));
        shown.put("sortDue", due.toString());
        boolean late = "LATE".equals(item.get("kind")) || "ENTERED_LATE".equals(item.get("resolution"));
        shown.put("kindName", late ? "внесено после срока" : "не внесено в срок");
        shown.put("state", "ENTERED_LATE".equals(item.get("resolution")) || "LATE".equals(item.get("kind"))
                ? "внесено с опозданием" : "не устранено");
        return shown;
    }

    static String ruleName(String rule) {
        return switch (rule) {
            case "GRADE_ENTRY" -> "оценки за урок (срок — 5 дней)";
            case "PERIOD_RESULT" -> "итоговая оценка за период (срок — 2 дня после окончания периода)";
            case "ABSENCE_ENTRY" -> "отметка об отсутствии (в день урока)";
            case "LESSON_TOPIC" -> "тема урока";
            case "HOMEWORK" -> "домашнее задание";
            case "TIMETABLE" -> "расписание уроков";
            default -> "запись в журнале";
        };
    }
}
