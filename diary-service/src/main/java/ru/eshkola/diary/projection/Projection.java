package ru.eshkola.diary.projection;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.cache.ReferenceCache;

/**
 * Reads of the current generation, each by {@code _id} or {@code _id $in}. Reference data (names, timetables, a
 * student's enrolments, school years) changes seldom and is read on every view, so it is held for
 * {@code reference-cache-ttl}; grades, absences and lessons are always read fresh.
 */
@Component
public class Projection {

    private final MongoTemplate mongo;
    private final Generations generations;
    private final ReferenceCache<String, StudentCard> students;
    private final ReferenceCache<String, ClassCard> classes;
    private final ReferenceCache<String, SchoolCard> schools;
    private final ReferenceCache<String, SubjectCard> subjects;
    private final ReferenceCache<String, StaffCard> staff;
    private final ReferenceCache<String, TimetableCard> timetables;

    Projection(MongoTemplate mongo, Generations generations, ProjectionSettings settings) {
        this.mongo = mongo;
        this.generations = generations;
        this.students = new ReferenceCache<>(settings.referenceCacheTtl(), 50_000);
        this.classes = new ReferenceCache<>(settings.referenceCacheTtl(), 10_000);
        this.schools = new ReferenceCache<>(settings.referenceCacheTtl(), 1_000);
        this.subjects = new ReferenceCache<>(settings.referenceCacheTtl(), 10_000);
        this.staff = new ReferenceCache<>(settings.referenceCacheTtl(), 50_000);
        this.timetables = new ReferenceCache<>(settings.referenceCacheTtl(), 10_000);
    }

    public Optional<StudentCard> student(String studentId) {
        return cached(students, StudentCard.class, StudentCard.COLLECTION, studentId);
    }

    public Optional<ClassCard> schoolClass(String classId) {
        return cached(classes, ClassCard.class, ClassCard.COLLECTION, classId);
    }

    public Optional<SchoolCard> school(String schoolId) {
        return cached(schools, SchoolCard.class, SchoolCard.COLLECTION, schoolId);
    }

    public Optional<TimetableCard> timetable(String classId) {
        return cached(timetables, TimetableCard.class, TimetableCard.COLLECTION, classId);
    }

    public Map<String, SubjectCard> subjects(Collection<String> ids) {
        return cachedAll(subjects, SubjectCard.class, SubjectCard.COLLECTION, ids);
    }

    public Map<String, StaffCard> staff(Collection<String> ids) {
        return cachedAll(staff, StaffCard.class, StaffCard.COLLECTION, ids);
    }

    public Optional<StudentWeek> week(String studentId, LocalDate day) {
        return Optional.ofNullable(mongo.findById(StudentWeek.id(studentId, day), StudentWeek.class,
                collection(StudentWeek.COLLECTION)));
    }

    /** The student's weeks whose Mondays are given (weeks without entries are absent). */
    public List<StudentWeek> weeks(String studentId, Collection<LocalDate> mondays) {
        return byIds(StudentWeek.class, StudentWeek.COLLECTION,
                mondays.stream().map(m -> StudentWeek.id(studentId, m)).toList());
    }

    public List<ClassWeek> classWeeks(Collection<String> classIds, LocalDate day) {
        return byIds(ClassWeek.class, ClassWeek.COLLECTION, classIds.stream().map(c -> ClassWeek.id(c, day)).toList());
    }

    public List<ClassWeek> classWeeks(String classId, Collection<LocalDate> mondays) {
        return byIds(ClassWeek.class, ClassWeek.COLLECTION, mondays.stream().map(m -> ClassWeek.id(classId, m))
                .toList());
    }

    public Optional<StudentResults> results(String studentId, String schoolYear) {
        return Optional.ofNullable(mongo.findById(StudentResults.id(studentId, schoolYear), StudentResults.class,
                collection(StudentResults.COLLECTION)));
    }

    /** Drops the cached documents the writer just changed (reference data only; the rest is never cached). */
    void invalidate(String collection, java.util.Set<String> ids) {
        ReferenceCache<String, ?> cache = switch (collection.substring(0, collection.lastIndexOf("_g"))) {
            case StudentCard.COLLECTION -> students;
            case ClassCard.COLLECTION -> classes;
            case SchoolCard.COLLECTION -> schools;
            case SubjectCard.COLLECTION -> subjects;
            case StaffCard.COLLECTION -> staff;
            case TimetableCard.COLLECTION -> timetables;
            default -> null;
        };
        if (cache != null) {
            ids.forEach(id -> cache.invalidate(collection + "/" + id));
        }
    }

    private String collection(String base) {
        return Generations.collection(base, generations.current());
    }

    private <T> List<T> byIds(Class<T> type, String base, Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), type, collection(base));
    }

    private <T> Optional<T> cached(ReferenceCache<String, T> cache, Class<T> type, String base, String id) {
        String collection = collection(base);
        return cache.get(collection + "/" + id, key -> Optional.ofNullable(mongo.findById(id, type, collection)));
    }

    private <T extends ProjectionDocument> Map<String, T> cachedAll(ReferenceCache<String, T> cache, Class<T> type,
            String base, Collection<String> ids) {
        Map<String, T> found = new HashMap<>();
        for (String id : ids) {
            if (id != null) {
                cached(cache, type, base, id).ifPresent(doc -> found.put(id, doc));
            }
        }
        return found;
    }
}
