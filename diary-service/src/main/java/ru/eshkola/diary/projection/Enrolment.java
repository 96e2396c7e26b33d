package ru.eshkola.diary.projection;

import java.time.LocalDate;

/** A student's enrolment in a class from a day to a day (open-ended while {@code to} is null). */
public record Enrolment(String enrolmentId, String studentId, String classId, String schoolId, String schoolYear,
        LocalDate from, LocalDate to, long version) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (to == null || !day.isAfter(to));
    }

    public boolean overlaps(LocalDate first, LocalDate last) {
        return !from.isAfter(last) && (to == null || !to.isBefore(first));
    }

    static Enrolment of(JournalEvents.EnrolmentChanged e) {
        return new Enrolment(e.enrolmentId(), e.studentId(), e.classId(), e.schoolId(), e.schoolYear(), e.from(),
                e.to(), e.version());
    }

    /** Puts the enrolment into the list unless the list holds a version at least as new; true when it did. */
    static boolean upsert(java.util.List<Enrolment> list, Enrolment enrolment) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).enrolmentId().equals(enrolment.enrolmentId())) {
                if (list.get(i).version() >= enrolment.version()) {
                    return false;
                }
                list.set(i, enrolment);
                return true;
            }
        }
        list.add(enrolment);
        list.sort(java.util.Comparator.comparing(Enrolment::enrolmentId));
        return true;
    }
}
