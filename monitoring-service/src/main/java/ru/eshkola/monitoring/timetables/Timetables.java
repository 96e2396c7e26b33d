package ru.eshkola.monitoring.timetables;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.mongo.VersionedUpsert;

/**
 * The classes' current timetables, one document per class holding the journal's latest version. Read for every
 * homework entry (the class's last lesson of the day), so held for a short time.
 */
@Component
public class Timetables {

    private final MongoTemplate mongo;
    private final ReferenceCache<String, ClassTimetable> cache = new ReferenceCache<>(Duration.ofSeconds(30), 20_000);

    Timetables(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the timetable when its version is newer than the stored one; true when it was kept. */
    public boolean store(TimetableChanged timetable) {
        try {
            return VersionedUpsert.ifNewer(mongo, TimetableDocument.class, timetable.classId(), timetable.version(),
                    new Update().set("schoolId", timetable.schoolId()).set("schoolYear", timetable.schoolYear())
                            .set("slots", timetable.slots().stream().map(SlotDocument::of).toList())
                            .set("changes", timetable.changes().stream().map(ChangeDocument::of).toList())
                            .set("changedAt", timetable.changedAt()));
        } finally {
            cache.invalidate(timetable.classId());
        }
    }

    public Optional<ClassTimetable> of(String classId) {
        return cache.get(classId, id -> Optional.ofNullable(mongo.findById(id, TimetableDocument.class))
                .map(TimetableDocument::timetable));
    }

    public List<ClassTimetable> ofSchools(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), TimetableDocument.class).stream()
                .map(TimetableDocument::timetable).toList();
    }

    /** Times and dates as ISO strings: the wall-clock time of the school, never shifted by a server's zone. */
    @Document("timetables")
    record TimetableDocument(@Id String id, @Indexed String schoolId, String schoolYear, List<SlotDocument> slots,
            List<ChangeDocument> changes, Instant changedAt, int version) {

        ClassTimetable timetable() {
            return new ClassTimetable(id, schoolId, schoolYear,
                    slots == null ? List.of() : slots.stream().map(SlotDocument::slot).toList(),
                    changes == null ? List.of() : changes.stream().map(ChangeDocument::change).toList(), version,
                    changedAt);
        }
    }

    record SlotDocument(int weekday, int lessonNumber, String startTime, String endTime, String subjectId,
            String teacherId, String group, String validFrom, String validTo) {

        static SlotDocument of(TimetableChanged.Slot s) {
            return new SlotDocument(s.weekday(), s.lessonNumber(), s.startTime().toString(), s.endTime().toString(),
                    s.subjectId(), s.teacherId(), s.group(), s.validFrom().toString(), text(s.validTo()));
        }

        TimetableChanged.Slot slot() {
            return new TimetableChanged.Slot(weekday, lessonNumber, LocalTime.parse(startTime),
                    LocalTime.parse(endTime), subjectId, teacherId, group, LocalDate.parse(validFrom),
                    validTo == null ? null : LocalDate.parse(validTo));
        }
    }

    record ChangeDocument(String date, int lessonNumber, String kind, String subjectId, String teacherId,
            String startTime, String endTime, String group) {

        static ChangeDocument of(TimetableChanged.Change c) {
            return new ChangeDocument(c.date().toString(), c.lessonNumber(), c.kind(), c.subjectId(), c.teacherId(),
                    text(c.startTime()), text(c.endTime()), c.group());
        }

        TimetableChanged.Change change() {
            return new TimetableChanged.Change(LocalDate.parse(date), lessonNumber, kind, subjectId, teacherId,
                    startTime == null ? null : LocalTime.parse(startTime),
                    endTime == null ? null : LocalTime.parse(endTime), group);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
