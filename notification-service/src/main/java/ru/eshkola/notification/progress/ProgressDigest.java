package ru.eshkola.notification.progress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import ru.eshkola.notification.contacts.Contacts;
import ru.eshkola.notification.digests.ClosedDigest;
import ru.eshkola.notification.digests.DigestKind;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.Recipient;
import ru.eshkola.notification.mail.RussianDates;
import ru.eshkola.notification.preferences.Category;
import ru.eshkola.notification.preferences.Preferences;
import ru.eshkola.notification.preferences.RecipientPreferences;
import ru.eshkola.notification.preferences.UnsubscribeLinks;

/**
 * A guardian's daily digest: one mail with the day's grades, absences and period results of their children, the
 * categories they unsubscribed from in the meantime left out. Its cause is the digest's id, so flushing it twice
 * queues one mail.
 */
@Component
class ProgressDigest implements DigestKind {

    private final Contacts contacts;
    private final Preferences preferences;
    private final UnsubscribeLinks links;
    private final MailQueue queue;

    ProgressDigest(Contacts contacts, Preferences preferences, UnsubscribeLinks links, MailQueue queue) {
        this.contacts = contacts;
        this.preferences = preferences;
        this.links = links;
        this.queue = queue;
    }

    @Override
    public String name() {
        return ProgressNotices.DIGEST;
    }

    @Override
    public void flush(ClosedDigest digest) {
        String accountId = digest.recipientId();
        RecipientPreferences chosen = preferences.of(accountId);
        Map<Category, List<Map<String, Object>>> sections = new HashMap<>();
        Map<String, Contacts.Student> students = new HashMap<>();
        for (Map<String, Object> item : digest.items().values()) {
            Category category = Category.valueOf((String) item.get("category"));
            if (!chosen.wants(category)) {
                continue;
            }
            Contacts.Student student = students.computeIfAbsent((String) item.get("studentId"),
                    id -> contacts.student(id).orElse(null));
            Map<String, Object> shown = ProgressItems.model(item, contacts, student);
            shown.put("sortKey", shown.get("studentName") + "|" + item.getOrDefault("lessonDate", "") + "|"
                    + shown.get("subjectName"));
            sections.computeIfAbsent(category, c -> new ArrayList<>()).add(shown);
        }
        int count = sections.values().stream().mapToInt(List::size).sum();
        if (count == 0) {
            return;
        }
        sections.values().forEach(list -> list.sort(Comparator.comparing(m -> (String) m.get("sortKey"))));
        Map<String, Object> model = ProgressItems.map(
                "dateText", RussianDates.date(digest.sendDate()),
                "count", count,
                "grades", sections.getOrDefault(Category.GRADES, List.of()),
                "absences", sections.getOrDefault(Category.ABSENCES, List.of()),
                "periodResults", sections.getOrDefault(Category.PERIOD_RESULTS, List.of()));
        links.url(accountId, Category.GRADES).ifPresent(url -> model.put("unsubscribeGrades", url));
        links.url(accountId, Category.ABSENCES).ifPresent(url -> model.put("unsubscribeAbsences", url));
        links.url(accountId, Category.PERIOD_RESULTS).ifPresent(url -> model.put("unsubscribePeriodResults", url));
        Recipient recipient = contacts.account(accountId).map(Contacts.Account::recipient)
                .orElseGet(() -> new Recipient(accountId, null, null));
        model.put("recipientName", recipient.name());
        queue.enqueue(new OutgoingMail(digest.id(), MailTemplate.PROGRESS_DIGEST, recipient, model));
    }
}
