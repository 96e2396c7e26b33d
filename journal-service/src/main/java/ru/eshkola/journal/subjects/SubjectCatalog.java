package ru.eshkola.journal.subjects;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The region's subjects, addressed by a stable code. */
@Service
public class SubjectCatalog {

    private final Subjects subjects;
    private final Clock clock;
    private final ReferenceCache<String, SubjectInfo> cache = new ReferenceCache<>(Duration.ofSeconds(30), 10_000);

    SubjectCatalog(Subjects subjects, Clock clock) {
        this.subjects = subjects;
        this.clock = clock;
    }

    public static String subjectId(String code) {
        return EventIds.fromKey("subject", code);
    }

    public record SubjectInfo(String id, String code, String name, String shortName) {
    }

    public record Defined(Subject subject, boolean created, boolean changed) {
    }

    public Defined define(String code, String name, String shortName) {
        String id = subjectId(code);
        Optional<Subject> existing = subjects.findById(id);
        Subject subject = existing.orElseGet(() -> new Subject(id, code));
        boolean changed = subject.define(name, shortName, clock.instant());
        if (changed) {
            subject = subjects.save(subject);
            cache.invalidate(id);
        }
        return new Defined(subject, existing.isEmpty(), changed);
    }

    public Optional<SubjectInfo> find(String id) {
        return cache.get(id, key -> subjects.findById(key).map(SubjectCatalog::info));
    }

    public SubjectInfo require(String field, String id) {
        return find(id).orElseThrow(() -> ProblemException.invalid(field, "no subject " + id));
    }

    List<SubjectInfo> all() {
        return subjects.findAll(Sort.by("name")).stream().map(SubjectCatalog::info).toList();
    }

    Subject get(String code) {
        return subjects.findById(subjectId(code)).orElseThrow(() -> ProblemException.notFound("subject", code));
    }

    static SubjectInfo info(Subject s) {
        return new SubjectInfo(s.id(), s.code(), s.name(), s.shortName());
    }
}
