package ru.eshkola.applications.applications;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.consents.ConsentPurpose;
import ru.eshkola.applications.consents.ConsentRegister;
import ru.eshkola.applications.registers.FieldProblems;
import ru.eshkola.applications.registers.Paging;
import ru.eshkola.applications.registers.RegistrationNumbers;
import ru.eshkola.applications.registers.Relation;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.applications.roster.StudentLeftSchool;
import ru.eshkola.kit.calendar.ProductionCalendar;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The register of applications: registration, decisions within the deadline, and the end of a granted service. */
@Service
public class ApplicationRegister {

    static final String NUMBERS = "applications";
    static final int STUDENT_APPLICANT_MIN_AGE = 14;
    private static final Logger log = LoggerFactory.getLogger(ApplicationRegister.class);

    private final Applications applications;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final ConsentRegister consents;
    private final RegistrationNumbers numbers;
    private final ProductionCalendar calendar;
    private final ApplicationSettings settings;
    private final Clock clock;

    ApplicationRegister(Applications applications, MongoTemplate mongo, Roster roster, ConsentRegister consents,
            RegistrationNumbers numbers, ProductionCalendar calendar, ApplicationSettings settings, Clock clock) {
        this.applications = applications;
        this.mongo = mongo;
        this.roster = roster;
        this.consents = consents;
        this.numbers = numbers;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /** When registration and the decision are due for an application received on a day of the school's calendar. */
    record DueDates(LocalDate registration, LocalDate decision) {
    }

    DueDates dueDates(LocalDate receivedDay) {
        return new DueDates(calendar.plusWorkingDays(receivedDay, settings.registrationWorkingDays()),
                calendar.plusWorkingDays(receivedDay, settings.decisionWorkingDays()));
    }

    Application register(ApplicationController.Apply request, String actor) {
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", request.schoolId());
        Instant receivedAt = request.receivedAt() != null ? request.receivedAt() : now;
        FieldProblems problems = new FieldProblems();
        if (receivedAt.isAfter(now.plus(FieldProblems.FUTURE_TOLERANCE))) {
            problems.add("receivedAt", "must not be in the future");
        } else if (receivedAt.isBefore(now.minus(settings.maxReceiptAge()))) {
            problems.add("receivedAt", "must not be more than " + settings.maxReceiptAge().toDays() + " days ago");
        }
        problems.throwIfAny();
        LocalDate receivedDay = receivedAt.atZone(school.timeZone()).toLocalDate();
        List<Application.StudentRef> students = students(request, school, receivedDay, problems);
        checkApplicant(request, students, receivedDay, problems);
        Application.Period period = null;
        String terminates = null;
        switch (request.kind()) {
            case PAPER_EXTRACT -> period = extractPeriod(request, receivedDay, problems);
            case TERMINATION -> terminates = terminationTarget(request, school.id(), problems);
            case ELECTRONIC_DIARY -> {
            }
        }
        problems.throwIfAny();

        DueDates due = dueDates(receivedDay);
        LocalDate registeredDay = now.atZone(school.timeZone()).toLocalDate();
        boolean onTime = !registeredDay.isAfter(due.registration());
        var a = request.applicant();
        Application application = Application.register(EventIds.next(), school.id(),
                numbers.next(NUMBERS, school.id(), receivedDay.getYear()), request.kind(),
                new Application.Applicant(a.relation(), a.lastName().strip(), a.firstName().strip(),
                        blankToNull(a.middleName()), a.email().strip().toLowerCase(java.util.Locale.ROOT),
                        blankToNull(a.phone()), a.powerOfAttorney() == null ? null
                                : new Application.PowerOfAttorney(a.powerOfAttorney().number().strip(),
                                        a.powerOfAttorney().issuedOn(), a.powerOfAttorney().validUntil())),
                students, period, terminates,
                request.documents().stream().map(d -> new Application.Paper(d.title().strip(), d.pages())).toList(),
                receivedAt, due.registration(), due.decision(), onTime, now, actor);
        return applications.save(application);
    }

    private List<Application.StudentRef> students(ApplicationController.Apply request, Roster.SchoolInfo school,
            LocalDate receivedDay, FieldProblems problems) {
        List<Application.StudentRef> students = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < request.studentIds().size(); i++) {
            String id = request.studentIds().get(i);
            String field = "studentIds[" + i + "]";
            if (!seen.add(id)) {
                problems.add(field, "is listed twice");
                continue;
            }
            var student = roster.student(id);
            if (student.isEmpty()) {
                problems.add(field, "no student " + id + " is known (students come from the journal)");
            } else if (!roster.isStudentOf(id, school.id(), receivedDay)) {
                problems.add(field, "student " + id + " is not enrolled in school " + school.shortName());
            } else {
                var s = student.get();
                students.add(new Application.StudentRef(s.id(), s.lastName(), s.firstName(), s.middleName()));
            }
        }
        return students;
    }

    private void checkApplicant(ApplicationController.Apply request, List<Application.StudentRef> students,
            LocalDate receivedDay, FieldProblems problems) {
        var applicant = request.applicant();
        if (applicant.relation() == Relation.REPRESENTATIVE) {
            if (applicant.powerOfAttorney() == null) {
                problems.add("applicant.powerOfAttorney", "a representative applies under a power of attorney");
            } else if (applicant.powerOfAttorney().validUntil() != null
                    && applicant.powerOfAttorney().validUntil().isBefore(receivedDay)) {
                problems.add("applicant.powerOfAttorney.validUntil", "the power of attorney had expired on receipt");
            }
        }
        if (applicant.relation() == Relation.STUDENT) {
            if (request.studentIds().size() != 1) {
                problems.add("studentIds", "a student applies only for themselves");
            } else if (!students.isEmpty()) {
                LocalDate birthDate = roster.student(students.getFirst().studentId()).orElseThrow().birthDate();
                int age = Period.between(birthDate, receivedDay).getYears();
                if (age < STUDENT_APPLICANT_MIN_AGE) {
                    problems.add("applicant.relation", "a student may apply from age " + STUDENT_APPLICANT_MIN_AGE
                            + "; this student is " + age);
                }
            }
        }
    }

    private static Application.Period extractPeriod(ApplicationController.Apply request, LocalDate receivedDay,
            FieldProblems problems) {
        var period = request.extractPeriod();
        if (period == null) {
            problems.add("extractPeriod", "an extract from the class journal is for a period");
            return null;
        }
        if (period.to().isBefore(period.from())) {
            problems.add("extractPeriod.to", "must not be before extractPeriod.from");
        }
        if (period.from().isAfter(receivedDay)) {
            problems.add("extractPeriod.from", "must not be after the day of receipt");
        }
        return new Application.Period(period.from(), period.to());
    }

    private String terminationTarget(ApplicationController.Apply request, String schoolId, FieldProblems problems) {
        String targetId = request.terminatesApplicationId();
        if (targetId == null || targetId.isBlank()) {
            problems.add("terminatesApplicationId", "name the granted application whose service is to end");
            return null;
        }
        Application target = applications.findById(targetId).orElse(null);
        if (target == null || !target.schoolId().equals(schoolId)) {
            problems.add("terminatesApplicationId", "no application " + targetId + " in this school");
        } else if (target.state() != Application.State.GRANTED || target.kind() != Application.Kind.ELECTRONIC_DIARY) {
            problems.add("terminatesApplicationId", "application " + target.registrationNumber() + " is "
                    + target.state() + " " + target.kind() + "; only a granted electronic diary service can end");
        } else if (!target.studentIds().containsAll(request.studentIds())) {
            problems.add("studentIds", "must be students of application " + target.registrationNumber());
        }
        return targetId;
    }

    Application grant(String id, String note, String actor) {
        Application application = get(id);
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", application.schoolId());
        LocalDate today = now.atZone(school.timeZone()).toLocalDate();
        List<String> consentIds = new ArrayList<>();
        if (application.state() == Application.State.RECEIVED) {
            if (application.kind() == Application.Kind.TERMINATION) {
                Application target = get(application.terminatesApplicationId());
                transition(() -> target.terminate(Application.TerminationReason.APPLICANT_REQUEST,
                        "application № " + application.registrationNumber(), null, application.id(), now, actor));
                applications.save(target);
            } else {
                ConsentPurpose purpose = application.kind() == Application.Kind.PAPER_EXTRACT
                        ? ConsentPurpose.PAPER_EXTRACT : ConsentPurpose.DIARY_AND_JOURNAL;
                List<String> notEnrolled = new ArrayList<>();
                List<String> withoutConsent = new ArrayList<>();
                for (String studentId : application.studentIds()) {
                    if (!roster.isStudentOf(studentId, school.id(), today)) {
                        notEnrolled.add(studentId);
                    }
                    consents.validConsent(school.id(), studentId, purpose).ifPresentOrElse(consentIds::add,
                            () -> withoutConsent.add(studentId));
                }
                if (!notEnrolled.isEmpty()) {
                    throw ProblemException.conflict("student-not-enrolled", "students " + notEnrolled
                            + " are no longer enrolled in the school; refuse on ground STUDENT_NOT_ENROLLED instead");
                }
                if (!withoutConsent.isEmpty()) {
                    throw ProblemException.conflict("consent-missing", "no valid consent to personal-data "
                            + "processing for " + purpose + " is recorded for students " + withoutConsent);
                }
            }
        }
        apply(() -> application.grant(consentIds, blankToNull(note), today, now, actor));
        return applications.save(application);
    }

    Application refuse(String id, List<String> grounds, String text, String actor) {
        FieldProblems problems = new FieldProblems();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < grounds.size(); i++) {
            String wording = settings.refusalGrounds().get(grounds.get(i));
            if (wording == null) {
                problems.add("grounds[" + i + "]", "is not one of " + settings.refusalGrounds().keySet());
            }
            texts.add(wording);
        }
        problems.throwIfAny();
        Application application = get(id);
        Instant now = clock.instant();
        Roster.SchoolInfo school = roster.requireSchool("schoolId", application.schoolId());
        apply(() -> application.refuse(grounds, texts, blankToNull(text), noticeUrl(id),
                now.atZone(school.timeZone()).toLocalDate(), now, actor));
        return applications.save(application);
    }

    Application terminate(String id, Application.TerminationReason reason, String note, String actor) {
        if (reason == Application.TerminationReason.CONSENT_WITHDRAWN) {
            throw ProblemException.invalid("reason", "record the withdrawal of the consent instead; that ends "
                    + "every service granted on it");
        }
        Application application = get(id);
        boolean changed = transition(() -> application.terminate(reason, blankToNull(note), null, null,
                clock.instant(), actor));
        if (!changed) {
            throw ProblemException.conflict("application-terminated", "the service of application "
                    + application.registrationNumber() + " was already terminated at "
                    + application.termination().terminatedAt());
        }
        return applications.save(application);
    }

    /** Ends every service granted on the consent; repeated for a redelivered withdrawal, it changes nothing. */
    void consentWithdrawn(String consentId, String withdrawnBy) {
        for (Application application : applications.findByStateAndDecisionConsentIds(Application.State.GRANTED,
                consentId)) {
            if (application.kind() == Application.Kind.ELECTRONIC_DIARY
                    && application.terminate(Application.TerminationReason.CONSENT_WITHDRAWN, null, consentId, null,
                            clock.instant(), withdrawnBy == null ? "system:consent-withdrawn" : withdrawnBy)) {
                applications.save(application);
                log.info("application {} terminated: consent {} withdrawn", application.id(), consentId);
            }
        }
    }

    @EventListener
    void studentLeftSchool(StudentLeftSchool left) {
        for (Application application : applications.findByStateAndStudentsStudentId(Application.State.GRANTED,
                left.studentId())) {
            if (application.schoolId().equals(left.schoolId())
                    && application.kind() == Application.Kind.ELECTRONIC_DIARY
                    && application.terminate(Application.TerminationReason.STUDENT_LEFT_SCHOOL,
                            left.reason() + " after " + left.lastDay(), null, null, clock.instant(),
                            "system:journal")) {
                applications.save(application);
                log.info("application {} terminated: student {} left school {}", application.id(), left.studentId(),
                        left.schoolId());
            }
        }
    }

    static String noticeUrl(String applicationId) {
        return "/api/v1/applications/" + applicationId + "/refusal-notice.pdf";
    }

    Application get(String id) {
        return applications.findById(id).orElseThrow(() -> ProblemException.notFound("application", id));
    }

    /** For other features: whether an application with this id exists in the school. */
    public boolean exists(String schoolId, String applicationId) {
        return applications.findById(applicationId).filter(a -> a.schoolId().equals(schoolId)).isPresent();
    }

    Page<Application> list(Query filter, Pageable page) {
        return Paging.page(mongo, filter, page, Application.class);
    }

    void each(Query filter, Consumer<Application> action) {
        Paging.each(mongo, filter, Sort.by("registeredAt"), Application.class, action);
    }

    List<Application> open(String schoolId) {
        return mongo.find(Query.query(Criteria.where("schoolId").is(schoolId).and("state")
                .is(Application.State.RECEIVED)).with(Sort.by("decisionDue", "registeredAt")), Application.class);
    }

    static Query filter(String schoolId, Application.State state, Application.Kind kind, Instant receivedFrom,
            Instant receivedTo) {
        Criteria criteria = Criteria.where("schoolId").is(schoolId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        if (receivedFrom != null || receivedTo != null) {
            Criteria received = criteria.and("receivedAt");
            if (receivedFrom != null) {
                received = received.gte(receivedFrom);
            }
            if (receivedTo != null) {
                received = received.lt(receivedTo);
            }
        }
        return Query.query(criteria);
    }

    private static boolean transition(java.util.function.BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (Application.TransitionRefused refused) {
            throw ProblemException.conflict(refused.slug, refused.getMessage());
        }
    }

    private static void apply(Runnable change) {
        transition(() -> {
            change.run();
            return true;
        });
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
