package ru.eshkola.monitoring.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

import ru.eshkola.kit.inbox.InboundEvents;
import ru.eshkola.kit.mongo.VersionedUpsert;
import ru.eshkola.monitoring.registers.ApplicationsEvents.AccountChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ApplicationChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ComplaintChanged;
import ru.eshkola.monitoring.registers.ApplicationsEvents.ConsentChanged;

/**
 * What the checklist needs of the registers applications-service keeps (seed 003 items 5, 6 and 8): when each
 * application was received, registered and decided and whether on time; consents given and withdrawn; accounts
 * issued and blocked; complaints registered and answered. Each event's fields are set by an upsert guarded by the
 * entry's version; an event sets only the fields it carries, so the register entry accumulates its history.
 */
@Configuration
public class Registers {

    private final MongoTemplate mongo;

    Registers(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Bean
    Consumer<Message<byte[]>> onApplicationEvents(InboundEvents events) {
        return events.consumer("registers-applications")
                .on("applications.application.received.v1", ApplicationChanged.class,
                        e -> application(e.data(), "RECEIVED"))
                .on("applications.application.granted.v1", ApplicationChanged.class,
                        e -> application(e.data(), "GRANTED"))
                .on("applications.application.refused.v1", ApplicationChanged.class,
                        e -> application(e.data(), "REFUSED"))
                .on("applications.application.terminated.v1", ApplicationChanged.class,
                        e -> application(e.data(), "TERMINATED"))
                .on("applications.decision.overdue.v1", ApplicationChanged.class, e -> application(e.data(), null))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onConsentEvents(InboundEvents events) {
        return events.consumer("registers-consents")
                .on("applications.consent.given.v1", ConsentChanged.class, e -> consent(e.data()))
                .on("applications.consent.withdrawn.v1", ConsentChanged.class, e -> consent(e.data()))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onAccountEvents(InboundEvents events) {
        return events.consumer("registers-accounts")
                .on("applications.account.issued.v1", AccountChanged.class, e -> account(e.data(), true))
                .on("applications.account.blocked.v1", AccountChanged.class, e -> account(e.data(), false))
                .build();
    }

    @Bean
    Consumer<Message<byte[]>> onComplaintEvents(InboundEvents events) {
        return events.consumer("registers-complaints")
                .on("applications.complaint.registered.v1", ComplaintChanged.class, e -> complaint(e.data()))
                .on("applications.complaint.answered.v1", ComplaintChanged.class, e -> complaint(e.data()))
                .on("applications.complaint.overdue.v1", ComplaintChanged.class, e -> complaint(e.data()))
                .build();
    }

    void application(ApplicationChanged a, String state) {
        Update update = new Update().set("schoolId", a.schoolId());
        setIfPresent(update, "kind", a.kind());
        setIfPresent(update, "receivedAt", a.receivedAt());
        setIfPresent(update, "registeredAt", a.registeredAt());
        setIfPresent(update, "decisionDue", a.decisionDue() == null ? null : a.decisionDue().toString());
        setIfPresent(update, "state", state);
        if (("GRANTED".equals(state) || "REFUSED".equals(state))) {
            setIfPresent(update, "decidedAt", a.decidedAt());
            setIfPresent(update, "decidedOnTime", a.onTime());
        }
        if ("OVERDUE".equals(a.stage())) {
            update.set("overdueNoticed", true);
        }
        VersionedUpsert.ifNewer(mongo, ApplicationEntry.class, a.applicationId(), a.version(), update);
    }

    void consent(ConsentChanged c) {
        Update update = new Update().set("schoolId", c.schoolId()).set("studentId", c.studentId());
        setIfPresent(update, "givenAt", c.givenAt());
        setIfPresent(update, "withdrawnAt", c.withdrawnAt());
        VersionedUpsert.ifNewer(mongo, ConsentEntry.class, c.consentId(), c.version(), update);
    }

    void account(AccountChanged a, boolean issued) {
        Update update = new Update();
        setIfPresent(update, "issuedAt", a.issuedAt());
        setIfPresent(update, "blockedAt", a.blockedAt());
        if (issued) {
            update.unset("blockedAt"); // re-issued after a blocking: usable again
        }
        VersionedUpsert.ifNewer(mongo, AccountEntry.class, a.accountId(), a.version(), update);
    }

    void complaint(ComplaintChanged c) {
        Update update = new Update().set("schoolId", c.schoolId());
        setIfPresent(update, "registeredAt", c.registeredAt());
        setIfPresent(update, "answerDue", c.answerDue() == null ? null : c.answerDue().toString());
        setIfPresent(update, "answeredAt", c.answeredAt());
        setIfPresent(update, "answeredOnTime", c.onTime());
        if ("OVERDUE".equals(c.stage())) {
            update.set("overdueNoticed", true);
        }
        VersionedUpsert.ifNewer(mongo, ComplaintEntry.class, c.complaintId(), c.version(), update);
    }

    private static void setIfPresent(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    public List<ApplicationEntry> applications(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), ApplicationEntry.class);
    }

    public List<ConsentEntry> consents(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), ConsentEntry.class);
    }

    public List<ComplaintEntry> complaints(Collection<String> schoolIds) {
        return mongo.find(Query.query(Criteria.where("schoolId").in(schoolIds)), ComplaintEntry.class);
    }

    public List<AccountEntry> accounts(Collection<String> accountIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(accountIds)), AccountEntry.class);
    }

    /** An entry of the register of applications (seed 003 item 5). */
    @Document("reg_applications")
    public record ApplicationEntry(@Id String id, @Indexed String schoolId, String kind, String state,
            Instant receivedAt, Instant registeredAt, String decisionDue, Instant decidedAt, Boolean decidedOnTime,
            boolean overdueNoticed, int version) {

        public LocalDate decisionDueDate() {
            return decisionDue == null ? null : LocalDate.parse(decisionDue);
        }
    }

    /** A consent to personal-data processing (seed 003 item 8). */
    @Document("reg_consents")
    public record ConsentEntry(@Id String id, @Indexed String schoolId, String studentId, Instant givenAt,
            Instant withdrawnAt, int version) {
    }

    /** An account issued to an applicant and, when the service ended, blocked (seed 003 item 6). */
    @Document("reg_accounts")
    public record AccountEntry(@Id String id, Instant issuedAt, Instant blockedAt, int version) {
    }

    /** A complaint (seed 003 item 5, the register of complaints). */
    @Document("reg_complaints")
    public record ComplaintEntry(@Id String id, @Indexed String schoolId, Instant registeredAt, String answerDue,
            Instant answeredAt, Boolean answeredOnTime, boolean overdueNoticed, int version) {
    }
}
