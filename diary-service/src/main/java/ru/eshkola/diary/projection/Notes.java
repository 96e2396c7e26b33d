package ru.eshkola.diary.projection;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The changes a batch made to students' diaries, once each even when a group was applied twice. */
final class Notes {

    private final Map<String, ChangeNote> students = new LinkedHashMap<>();

    void student(String studentId, String type, String entryId, long version, Map<String, Object> data) {
        ChangeNote note = new ChangeNote(studentId, type, entryId, version, data);
        students.putIfAbsent(note.key(), note);
    }

    Collection<ChangeNote> studentNotes() {
        return students.values();
    }
}
