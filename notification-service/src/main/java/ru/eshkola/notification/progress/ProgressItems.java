package ru.eshkola.notification.progress;

import java.util.LinkedHashMap;
import java.util.Map;

import ru.eshkola.notification.contacts.Contacts;

/**
 * Items as stored (ids and codes) and as shown (names and Russian wording): names are resolved when the mail is made,
 * so a digest shows the student's and the subject's names even when they arrived after the grade.
 */
final class ProgressItems {

    private ProgressItems() {
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    /** What a template shows of an item; {@code student} when already at hand. */
    static Map<String, Object> model(Map<String, Object> item, Contacts contacts, Contacts.Student student) {
        Map<String, Object> model = new LinkedHashMap<>();
        String studentId = (String) item.get("studentId");
        Contacts.Student known = student != null ? student : contacts.student(studentId).orElse(null);
        model.put("studentName", known == null ? "обучающийся" : known.displayName());
        model.put("subjectName", contacts.subjectName((String) item.get("subjectId")).orElse("предмет"));
        model.put("schoolName", contacts.school((String) item.get("schoolId")).map(Contacts.School::displayName)
                .orElse(null));
        model.put("change", item.get("change"));
        model.put("value", item.get("value"));
        model.put("previousValue", item.get("previousValue"));
        model.put("lessonDate", ProgressNotices.date((String) item.get("lessonDate")));
        model.put("lessonNumber", item.get("lessonNumber"));
        model.put("workKind", ProgressTexts.workKind((String) item.get("workKind")));
        model.put("weight", item.get("weight"));
        model.put("reason", item.get("reason"));
        model.put("reasonName", ProgressTexts.absenceReason((String) item.get("reason")));
        if (item.get("periodKind") != null) {
            model.put("periodName", ProgressTexts.periodName((String) item.get("periodKind"),
                    item.get("periodNumber") instanceof Number n ? n.intValue() : null));
        }
        return model;
    }
}
