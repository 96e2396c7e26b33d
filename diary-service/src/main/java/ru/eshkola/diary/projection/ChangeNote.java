package ru.eshkola.diary.projection;

import java.util.Map;

/**
 * What changed in a student's diary, for the live streams: a grade, absence, lesson or period result in the form a
 * client shows without another request.
 *
 * @param type e.g. {@code grade.corrected}, {@code lesson.recorded}
 */
public record ChangeNote(String studentId, String type, String entryId, long version, Map<String, Object> data) {

    String key() {
        return studentId + "|" + type + "|" + entryId + "|" + version;
    }
}
