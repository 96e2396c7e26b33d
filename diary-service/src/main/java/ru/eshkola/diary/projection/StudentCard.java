package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A student's name and enrolments ({@code _id = studentId}). Both parts are versioned separately: the name comes from
 * {@code journal.students}, the enrolments from {@code journal.classes}, in any order, and either may arrive first.
 */
public class StudentCard extends ProjectionDocument {

    public static final String COLLECTION = "students";

    String lastName;
    String firstName;
    String middleName;
    long nameVersion;
    List<Enrolment> enrolments = new ArrayList<>();

    StudentCard() {
    }

    static StudentCard empty(String studentId) {
        StudentCard card = new StudentCard();
        card.id = studentId;
        return card;
    }

    void name(JournalEvents.StudentChanged e) {
        if (e.version() > nameVersion) {
            lastName = e.lastName();
            firstName = e.firstName();
            middleName = e.middleName();
            nameVersion = e.version();
        }
    }

    void enrolment(JournalEvents.EnrolmentChanged e) {
        Enrolment.upsert(enrolments, Enrolment.of(e));
    }

    /** "Иванова Анна Сергеевна", or null while only enrolments are known. */
    public String fullName() {
        if (lastName == null) {
            return null;
        }
        return lastName + " " + firstName + (middleName == null ? "" : " " + middleName);
    }

    public List<Enrolment> enrolments() {
        return List.copyOf(enrolments);
    }

    public List<Enrolment> enrolmentsOverlapping(LocalDate first, LocalDate last) {
        return enrolments.stream().filter(e -> e.overlaps(first, last)).toList();
    }
}
