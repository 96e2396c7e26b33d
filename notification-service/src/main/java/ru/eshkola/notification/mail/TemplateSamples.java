package ru.eshkola.notification.mail;

import java.util.List;
import java.util.Map;

/**
 * Sample data of every template, in the shape the features queue it: what the preview endpoint renders and what the
 * template tests render. A template that reads a key its features do not fill shows up here first.
 */
final class TemplateSamples {

    private static final String UNSUBSCRIBE = "http://localhost:8084/api/v1/unsubscribe?token=sample";

    private TemplateSamples() {
    }

    static Map<String, Object> of(MailTemplate template) {
        return switch (template) {
            case CREDENTIALS -> map("recipientName", "Иванова Мария Петровна", "login", "m.ivanova@example.ru",
                    "activationUrl", "https://eshkola.example.ru/activate?token=q3Zx0oVb8wQ1mT7rYk2d9Fh4sLp6uN5c",
                    "activationExpires", "02.12.2026 11:00", "verificationHint",
                    "регистрационный номер вашего заявления", "reissue", false, "roles", "родитель (законный представитель)");
            case REFUSAL -> map("recipientName", "Иванова Мария Петровна", "registrationNumber", "2026-0017",
                    "schoolName", "МБОУ СОШ 1", "decidedOn", "25.11.2026", "grounds", List.of(
                            "заявление не содержит необходимых сведений или представлен неполный комплект документов"),
                    "noticeUrl", "http://localhost:8083/api/v1/applications/019ab5a1/refusal-notice.pdf");
            case TERMINATION -> map("recipientName", "Иванова Мария Петровна", "registrationNumber", "2026-0017",
                    "schoolName", "МБОУ СОШ 1", "terminatedOn", "01.02.2027", "reason", "по заявлению заявителя");
            case COMPLAINT_ANSWER -> map("recipientName", "Иванова Мария Петровна", "registrationNumber",
                    "2026-0003", "schoolName", "МБОУ СОШ 1", "answeredOn", "10.12.2026", "outcome",
                    "жалоба удовлетворена", "answer",
                    "Жалоба удовлетворена: заявление рассмотрено повторно, услуга предоставлена.");
            case MAINTENANCE_NOTICE, MAINTENANCE_REMINDER, MAINTENANCE_CANCELLED -> maintenance();
            case GRADE -> map("studentName", "Иванова Анна", "subjectName", "Математика", "value", "4",
                    "previousValue", "5", "change", "CORRECTED", "lessonDate", "24.11.2026", "workKind",
                    "ответ на уроке", "weight", "1", "reason", "Ошибка ввода", "schoolName", "МБОУ СОШ 1",
                    "unsubscribeUrl", UNSUBSCRIBE);
            case ABSENCE -> map("studentName", "Иванова Анна", "subjectName", "Математика", "lessonDate",
                    "24.11.2026", "lessonNumber", "2", "reasonName", "по болезни", "change", "RECORDED",
                    "schoolName", "МБОУ СОШ 1", "unsubscribeUrl", UNSUBSCRIBE);
            case PERIOD_RESULT -> map("studentName", "Иванова Анна", "subjectName", "Математика", "periodName",
                    "1 четверть", "value", "4", "change", "RECORDED", "schoolName", "МБОУ СОШ 1",
                    "unsubscribeUrl", UNSUBSCRIBE);
            case PROGRESS_DIGEST -> map("recipientName", "Иванова Мария Петровна", "dateText", "24.11.2026",
                    "grades", List.of(
                            map("studentName", "Иванова Анна", "subjectName", "Математика", "value", "5",
                                    "change", "RECORDED", "lessonDate", "24.11.2026", "workKind", "ответ на уроке"),
                            map("studentName", "Иванова Анна", "subjectName", "Русский язык", "value", "4",
                                    "previousValue", "3", "change", "CORRECTED", "lessonDate", "23.11.2026",
                                    "workKind", "диктант")),
                    "absences", List.of(map("studentName", "Иванова Анна", "subjectName", "Физкультура",
                            "lessonDate", "24.11.2026", "reasonName", "по болезни", "change", "RECORDED")),
                    "periodResults", List.of(),
                    "unsubscribeGrades", UNSUBSCRIBE, "unsubscribeAbsences", UNSUBSCRIBE,
                    "unsubscribePeriodResults", UNSUBSCRIBE, "count", 3);
            case VIOLATIONS_TEACHER, VIOLATIONS_ADMINISTRATOR -> map("recipientName", "Смирнова Ольга Петровна",
                    "schoolName", "МБОУ СОШ 1", "dateText", "24.11.2026", "count", 2, "items", List.of(
                            map("ruleName", "оценки не выставлены в течение 5 дней", "kindName", "не внесено в срок",
                                    "className", "7Б", "subjectName", "Математика", "lessonDate", "17.11.2026",
                                    "dueAt", "22.11.2026 23:59", "teacherName", "Смирнова Ольга Петровна",
                                    "state", "не устранено"),
                            map("ruleName", "отсутствующие не отмечены в день урока", "kindName",
                                    "внесено с опозданием", "className", "7Б", "subjectName", "Математика",
                                    "lessonDate", "24.11.2026", "dueAt", "24.11.2026 23:59",
                                    "teacherName", "Смирнова Ольга Петровна", "state", "внесено с опозданием")),
                    "unsubscribeUrl", UNSUBSCRIBE);
            case EXTRACT_READY -> map("recipientName", "Смирнова Ольга Петровна", "schoolName", "МБОУ СОШ 1",
                    "studentName", "Иванова Анна Сергеевна", "periodFrom", "01.09.2026", "periodTo", "31.12.2026",
                    "pages", 3, "downloadUrl", "http://localhost:8082/api/v1/extracts/019abc.pdf",
                    "readyAt", "25.11.2026 11:00", "unsubscribeUrl", UNSUBSCRIBE);
        };
    }

    /** A mutable, ordered map from key-value pairs (more than Map.of takes, nulls allowed). */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> maintenance() {
        return Map.ofEntries(Map.entry("recipientName", "Иванова Мария Петровна"),
                Map.entry("dateText", "12.12.2026"), Map.entry("fromText", "12.12.2026 02:00"),
                Map.entry("toText", "12.12.2026 05:00"), Map.entry("fromTime", "02:00"), Map.entry("toTime", "05:00"),
                Map.entry("durationText", "3 ч"), Map.entry("zoneText", "Asia/Yekaterinburg, UTC+05:00"),
                Map.entry("scopeText", "все школы региона"),
                Map.entry("reason", "Обновление программного обеспечения сервера"),
                Map.entry("announcedBy", "Управление образования Нижнетуринского городского округа"),
                Map.entry("leadText", "через 24 часа"),
                Map.entry("cancelReason", "Работы перенесены"));
    }
}
