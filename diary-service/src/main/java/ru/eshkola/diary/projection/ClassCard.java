package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A class with its name and its students' enrolments ({@code _id = classId}), all from {@code journal.classes}. */
public class ClassCard extends ProjectionDocument {

    public static final String COLLECTION = "classes";

    String schoolId;
    String schoolYear;
    String name;
    Integer gradeLevel;
    String classTeacherId;
    long version;
    List<Enrolment> students = new ArrayList<>();

    ClassCard() {
    }

    static ClassCard empty(String classId) {
        ClassCard card = new ClassCard();
        card.id = classId;
        return card;
    }

    void info(JournalEvents.ClassChanged e) {
        if (e.version() > version) {
            schoolId = e.schoolId();
            schoolYear = e.schoolYear();
            name = e.name();
            gradeLevel = e.gradeLevel();
            classTeacherId = e.classTeacherId();
            version = e.version();
        }
    }

    void enrolment(JournalEvents.EnrolmentChanged e) {
        Enrolment.upsert(students, Enrolment.of(e));
    }

    public List<String> studentsOn(LocalDate day) {
        return students.stream().filter(e -> e.covers(day)).map(Enrolment::studentId).distinct().toList();
    }

    public String schoolId() {
        return schoolId;
    }

    public String schoolYear() {
        return schoolYear;
    }

    public String name() {
        return name;
    }

    public String classTeacherId() {
        return classTeacherId;
    }
}
