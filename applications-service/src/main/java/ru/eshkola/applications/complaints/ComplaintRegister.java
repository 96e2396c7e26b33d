package ru.eshkola.applications.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.applications.ApplicationRegister;
import ru.eshkola.applications.registers.Deadline;
import ru.eshkola.applications.registers.DeadlineSettings;
import ru.eshkola.applications.registers.FieldProblems;
import ru.eshkola.applications.registers.Paging;
import ru.eshkola.applications.registers.RegistrationNumbers;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The register of complaints, and the durable timer of their answers (as for decisions). */
@Service
class ComplaintRegister {

    static final String NUMBERS = "complaints";
    private static final Logger log = LoggerFactory.getLogger(ComplaintRegister.class);

    private final Complaints complaints;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final ApplicationRegister applications;
    private final RegistrationNumbers numbers;
    private final ProductionCalendar calendar;
    private final ComplaintSettings settings;
    private final DeadlineSettings deadlines;
    private final Clock clock;

    ComplaintRegister(Complaints complaints, MongoTemplate mongo, Roster roster, ApplicationRegister applications,
            RegistrationNumbers numbers, ProductionCalendar calendar, ComplaintSettings settings,
            DeadlineSettings deadlines, Clock clock) {
        this.complaints = complaints;
        this.mongo = mongo;
        this.roster = roster;
        this.applications = applications;
        this.numbers = numbers;
        this.calendar = calendar;
        this.settings = settings;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    LocalDate answerDue(LocalDate registrationDay, Complaint.Subject subject) {
        return calendar.plusWorkingDays(registrationDay, subject.shortDeadline() ? settings.shortAnswerWorkingDays()
                : settings.answerWorkingDays());
    }

    Complaint register(ComplaintController.Register request, String actor) {
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", request.schoolId());
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        FieldProblems problems = new FieldProblems();
        if (receivedAt.isAfter(now.plus(FieldProblems.FUTURE_TOLERANCE))) {
            problems.add("receivedAt", "must not be in the future");
        }
        if (request.applicationId() != null && !applications.exists(school.id(), request.applicationId())) {
            problems.add("applicationId", "no application " + request.applicationId() + " in this school");
        }
        problems.throwIfAny();
        LocalDate receivedDay = receivedAt.atZone(school.timeZone()).toLocalDate();
        LocalDate registeredDay = now.atZone(school.timeZone()).toLocalDate();
        LocalDate registrationDue = calendar.plusWorkingDays(receivedDay, settings.registrationWorkingDays());
        var c = request.complainant();
        Complaint complaint = Complaint.register(EventIds.next(), school.id(),
                numbers.next(NUMBERS, school.id(), registeredDay.getYear()), request.applicationId(),
                request.subject(), new Complaint.Complainant(c.lastName().strip(), c.firstName().strip(),
                        blankToNull(c.middleName()), c.email().strip().toLowerCase(Locale.ROOT),
                        blankToNull(c.phone())),
                request.text().strip(), receivedAt, registrationDue, answerDue(registeredDay, request.subject()),
                !registeredDay.isAfter(registrationDue), now, actor);
        return complaints.save(complaint);
    }

    Complaint answer(String id, Complaint.Outcome outcome, String text, String actor) {
        Complaint complaint = get(id);
        if (complaint.state() == Complaint.State.ANSWERED) {
            throw ProblemException.conflict("complaint-answered", "complaint " + complaint.registrationNumber()
                    + " was already answered at " + complaint.answer().answeredAt() + " by "
                    + complaint.answer().answeredBy());
        }
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", complaint.schoolId());
        complaint.answer(outcome, text.strip(), now.atZone(school.timeZone()).toLocalDate(), now, actor);
        return complaints.save(complaint);
    }

    @Scheduled(fixedDelayString = "${eshkola.deadlines.check-interval:1m}",
            initialDelayString = "${eshkola.deadlines.check-interval:1m}")
    void scheduledCheck() {
        try {
            checkDeadlines();
        } catch (RuntimeException e) {
            log.warn("complaint deadline check failed: {}", e.toString());
        }
    }

    /** Notes open complaints newly due soon or overdue, each stage once, with applications.complaint.overdue.v1. */
    int checkDeadlines() {
        Instant now = clock.instant();
        LocalDate cutoff = calendar.plusWorkingDays(now.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1),
                deadlines.warnBeforeWorkingDays());
        Map<String, Optional<Roster.SchoolInfo>> schools = new HashMap<>();
        int noted = 0;
        for (Complaint complaint : mongo.find(Query.query(Criteria.where("state").is(Complaint.State.OPEN)
                .and("overdueNoticeAt").is(null).and("answerDue").lte(cutoff.toString())), Complaint.class)) {
            Optional<Roster.SchoolInfo> school = schools.computeIfAbsent(complaint.schoolId(), roster::school);
            if (school.isPresent() && complaint.noteDeadline(deadline(complaint, school.get(), now), now)) {
                try {
                    complaints.save(complaint);
                    noted++;
                } catch (OptimisticLockingFailureException changedMeanwhile) {
                    log.debug("complaint {} changed during the deadline check", complaint.id());
                }
            }
        }
        return noted;
    }

    record Due(Complaint complaint, Deadline deadline) {
    }

    List<Due> due(String schoolId) {
        Roster.SchoolInfo school = roster.requireSchool("schoolId", schoolId);
        Instant now = clock.instant();
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("state").is(Complaint.State.OPEN))
                .with(Sort.by("answerDue")), Complaint.class).stream()
                .map(c -> new Due(c, deadline(c, school, now)))
                .filter(d -> d.deadline().stage() != Deadline.Stage.ON_TIME).toList();
    }

    private Deadline deadline(Complaint complaint, Roster.SchoolInfo school, Instant now) {
        return Deadline.of(complaint.answerDue(), now.atZone(school.timeZone()).toLocalDate(),
                deadlines.warnBeforeWorkingDays(), calendar);
    }

    Complaint get(String id) {
        return complaints.findById(id).orElseThrow(() -> ProblemException.notFound("complaint", id));
    }

    Page<Complaint> list(Query filter, Pageable page) {
        return Paging.page(mongo, filter, page, Complaint.class);
    }

    void each(Query filter, Consumer<Complaint> action) {
        Paging.each(mongo, filter, Sort.by("registeredAt"), Complaint.class, action);
    }

    static Query filter(String schoolId, Complaint.State state, String applicationId) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (applicationId != null) {
            criteria = criteria.and("applicationId").is(applicationId);
        }
        return Query.query(criteria);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
