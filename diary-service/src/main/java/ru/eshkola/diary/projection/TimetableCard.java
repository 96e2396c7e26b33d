package ru.eshkola.diary.projection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A class's current timetable: weekly slots and one-off changes ({@code _id = classId}), replaced whole. */
public class TimetableCard extends ProjectionDocument {

    public static final String COLLECTION = "timetables";

    String schoolId;
    String schoolYear;
    List<Slot> slots = new ArrayList<>();
    List<SlotChange> changes = new ArrayList<>();
    long version;

    TimetableCard() {
    }

    static TimetableCard empty(String classId) {
        TimetableCard card = new TimetableCard();
        card.id = classId;
        return card;
    }

    public record Slot(int weekday, int lessonNumber, String startTime, String endTime, String subjectId,
            String teacherId, String room, String group, LocalDate validFrom, LocalDate validTo) {

        public boolean on(LocalDate day) {
            return day.getDayOfWeek() == DayOfWeek.of(weekday) && (validFrom == null || !day.isBefore(validFrom))
                    && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** @param kind REPLACED, CANCELLED or ADDED */
    public record SlotChange(LocalDate date, int lessonNumber, String kind, String subjectId, String teacherId,
            String room, String startTime, String endTime, String group, String note) {
    }

    void changed(JournalEvents.TimetableChanged e) {
        if (e.version() <= version) {
            return;
        }
        schoolId = e.schoolId();
        schoolYear = e.schoolYear();
        slots = new ArrayList<>(e.slots().stream().map(s -> new Slot(s.weekday(), s.lessonNumber(), s.startTime(),
                s.endTime(), s.subjectId(), s.teacherId(), s.room(), s.group(), s.validFrom(), s.validTo())).toList());
        changes = new ArrayList<>(e.changes() == null ? List.of() : e.changes().stream().map(c -> new SlotChange(
                c.date(), c.lessonNumber(), c.kind(), c.subjectId(), c.teacherId(), c.room(), c.startTime(),
                c.endTime(), c.group(), c.note())).toList());
        version = e.version();
    }

    public List<Slot> slotsOn(LocalDate day) {
        return slots.stream().filter(s -> s.on(day)).toList();
    }

    public List<SlotChange> changesOn(LocalDate day) {
        return changes.stream().filter(c -> c.date().equals(day)).toList();
    }
}
