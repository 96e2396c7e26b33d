package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The lessons of one class in one week ({@code _id = <classId>:<Monday>}), with topic, homework and status. A lesson
 * concerns a class, not a student, so it is stored once here and joined with the student's own week at read time,
 * instead of being copied into the weeks of 25 students.
 */
public class ClassWeek extends ProjectionDocument {

    public static final String COLLECTION = "class_weeks";

    String classId;
    LocalDate weekStart;
    List<Lesson> lessons = new ArrayList<>();

    ClassWeek() {
    }

    static ClassWeek empty(String classId, LocalDate day) {
        ClassWeek week = new ClassWeek();
        week.id = id(classId, day);
        week.classId = classId;
        week.weekStart = Weeks.monday(day);
        return week;
    }

    public static String id(String classId, LocalDate day) {
        return classId + ":" + Weeks.monday(day);
    }

    public record Homework(String text, LocalDate dueDate) {
    }

    /**
     * @param status CONDUCTED or CANCELLED
     * @param kind   LESSON, or ASSESSMENT for a dated assessment without a lesson
     */
    public record Lesson(String lessonId, String schoolId, String subjectId, String teacherId,
            String substituteTeacherId, LocalDate date, Integer lessonNumber, String group, String kind, String topic,
            Homework homework, String status, long version) {
    }

    /** Applies a lesson event; returns the new lesson when the event is newer than what is stored, else null. */
    Lesson lesson(JournalEvents.LessonChanged e) {
        int index = -1;
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).lessonId().equals(e.lessonId())) {
                index = i;
            }
        }
        Lesson current = index < 0 ? null : lessons.get(index);
        if (current != null && e.version() <= current.version()) {
            return null;
        }
        Lesson next = new Lesson(e.lessonId(), e.schoolId(), e.subjectId(), e.teacherId(), e.substituteTeacherId(),
                e.date(), e.lessonNumber(), e.group(), e.kind(), e.topic(),
                e.homework() == null ? null : new Homework(e.homework().text(), e.homework().dueDate()), e.status(),
                e.version());
        if (index < 0) {
            lessons.add(next);
            lessons.sort(java.util.Comparator.comparing(Lesson::lessonId));
        } else {
            lessons.set(index, next);
        }
        return next;
    }

    public String classId() {
        return classId;
    }

    public LocalDate weekStart() {
        return weekStart;
    }

    public List<Lesson> lessons() {
        return List.copyOf(lessons);
    }
}
