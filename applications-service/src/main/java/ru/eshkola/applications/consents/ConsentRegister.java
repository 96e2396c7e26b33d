package ru.eshkola.applications.consents;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.registers.FieldProblems;
import ru.eshkola.applications.registers.Paging;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The register of consents to personal-data processing. */
@Service
public class ConsentRegister {

    private final Consents consents;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final Clock clock;

    ConsentRegister(Consents consents, MongoTemplate mongo, Roster roster, Clock clock) {
        this.consents = consents;
        this.mongo = mongo;
        this.roster = roster;
        this.clock = clock;
    }

    Consent give(ConsentController.GiveConsent request, String actor) {
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", request.schoolId());
        Instant givenAt = request.givenAt() != null ? request.givenAt() : now;
        if (givenAt.isAfter(now.plus(FieldProblems.FUTURE_TOLERANCE))) {
            throw ProblemException.invalid("givenAt", "must not be in the future");
        }
        if (!roster.isStudentOf(request.studentId(), school.id(), givenAt.atZone(school.timeZone()).toLocalDate())) {
            throw ProblemException.invalid("studentId", "student " + request.studentId()
                    + " is not enrolled in school " + school.id());
        }
        var by = request.givenBy();
        Consent consent = Consent.give(EventIds.next(), school.id(), request.studentId(),
                new Consent.GivenBy(by.relation(), by.lastName().strip(), by.firstName().strip(),
                        blankToNull(by.middleName())),
                Set.copyOf(request.purposes()), givenAt, paper(request.document()), request.applicationId(), now,
                actor);
        return consents.save(consent);
    }

    Consent withdraw(String id, ConsentController.Withdraw request, String actor) {
        Consent consent = get(id);
        if (!consent.isValid()) {
            throw ProblemException.conflict("consent-withdrawn", "consent " + id + " was already withdrawn at "
                    + consent.withdrawnAt());
        }
        Instant now = clock.instant();
        Instant withdrawnAt = request.withdrawnAt() != null ? request.withdrawnAt() : now;
        if (withdrawnAt.isAfter(now.plus(FieldProblems.FUTURE_TOLERANCE))) {
            throw ProblemException.invalid("withdrawnAt", "must not be in the future");
        }
        if (withdrawnAt.isBefore(consent.givenAt())) {
            throw ProblemException.invalid("withdrawnAt", "must not be before the consent was given");
        }
        consent.withdraw(withdrawnAt, paper(request.document()), now, actor);
        return consents.save(consent);
    }

    /** The id of the newest consent not withdrawn that covers the student at the school for the purpose. */
    public Optional<String> validConsent(String schoolId, String studentId, ConsentPurpose purpose) {
        return consents.findBySchoolIdAndStudentId(schoolId, studentId).stream()
                .filter(Consent::isValid)
                .filter(c -> c.purposes().contains(purpose))
                .max(Comparator.comparing(Consent::givenAt))
                .map(Consent::id);
    }

    Consent get(String id) {
        return consents.findById(id).orElseThrow(() -> ProblemException.notFound("consent", id));
    }

    Page<Consent> list(Query filter, Pageable page) {
        return Paging.page(mongo, filter, page, Consent.class);
    }

    void each(Query filter, java.util.function.Consumer<Consent> action) {
        Paging.each(mongo, filter, Sort.by("registeredAt"), Consent.class, action);
    }

    static Query filter(String schoolId, String studentId, String state) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (studentId != null) {
            criteria = criteria.and("studentId").is(studentId);
        }
        if ("VALID".equals(state)) {
            criteria = criteria.and("withdrawnAt").is(null);
        } else if ("WITHDRAWN".equals(state)) {
            criteria = criteria.and("withdrawnAt").ne(null);
        }
        return Query.query(criteria);
    }

    private static Consent.Paper paper(ConsentController.PaperRef paper) {
        return paper == null ? null : new Consent.Paper(paper.title().strip(), blankToNull(paper.number()),
                paper.date());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
