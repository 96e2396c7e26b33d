package ru.eshkola.notification;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.awaitility.Awaitility;

import ru.eshkola.notification.contacts.Contacts;

/**
 * Test data in the domain's language: a school of Нижнетуринский городской округ with a mathematics teacher and
 * its administrator, a student, and her mother with an account and access to the diary — all arriving as the
 * producers' events, known to the contact store when {@link #arrive} returns.
 */
public record Family(String schoolId, String subjectId, String classId, String studentId, String guardianId,
        String guardianEmail, String teacherId, String teacherEmail, String administratorId,
        String administratorEmail) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");

    /** Everything registered, access granted; consent given with the purposes (none: no consent at all). */
    public static Family arrive(Feed feed, Contacts contacts, LocalDate today, String... consentPurposes) {
        String schoolId = feed.school("МБОУ СОШ 2");
        String subjectId = Feed.id();
        feed.subject(subjectId, "Математика");
        String classId = Feed.id();
        feed.schoolClass(classId, schoolId, "7Б");
        String studentId = Feed.id();
        feed.student(studentId, "Иванова", "Анна");
        String teacherId = Feed.id();
        String teacherEmail = Feed.email("o.smirnova");
        feed.staff(teacherId, schoolId, "Смирнова", "Ольга", teacherEmail, List.of("TEACHER"), 1);
        String administratorId = Feed.id();
        String administratorEmail = Feed.email("director");
        feed.staff(administratorId, schoolId, "Петрова", "Елена", administratorEmail,
                List.of("TEACHER", "SCHOOL_ADMINISTRATOR"), 1);
        String guardianId = Feed.id();
        String guardianEmail = Feed.email("m.ivanova");
        feed.publishAccount(feed.accountIssued(guardianId, guardianEmail, "Иванова Мария Петровна",
                java.time.Instant.now().minus(Duration.ofDays(40))), Feed.id());
        feed.access(guardianId, studentId, schoolId, today.minusDays(30));
        if (consentPurposes.length > 0) {
            feed.consent(studentId, schoolId, consentPurposes);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                contacts.school(schoolId).isPresent() && contacts.subjectName(subjectId).isPresent()
                        && contacts.account(guardianId).map(a -> a.email() != null).orElse(false)
                        && contacts.staff(administratorId).isPresent() && contacts.staff(teacherId).isPresent()
                        && contacts.className(classId).isPresent()
                        && contacts.student(studentId).map(s -> s.lastName() != null
                        && s.readersOn(today).contains(guardianId)
                        && s.emailNotices() == (List.of(consentPurposes).contains("EMAIL_NOTICES"))).orElse(false));
        return new Family(schoolId, subjectId, classId, studentId, guardianId, guardianEmail, teacherId,
                teacherEmail, administratorId, administratorEmail);
    }
}
