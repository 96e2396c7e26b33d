package ru.eshkola.notification.contacts;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.mongo.VersionedUpsert;
import ru.eshkola.notification.mail.Recipient;
import ru.eshkola.notification.mail.RecipientDirectory;

/**
 * This service's own contact store — addresses, names, roles, who reads which student's diary, consents — fed only
 * by events ({@link ContactConsumers} and the applicants feature), never read from another service's database.
 *
 * <p>One collection per kind, keyed by the producer's id, so that reads are by {@code _id} and events about different
 * things never wait for each other (an access may arrive before its account, a grade before its student: what is
 * missing is looked up again later, e.g. the address when the mail is sent). Every write is one upsert guarded by the
 * entry's version: redeliveries change nothing and an older version never overwrites a newer one. Accesses and
 * consents live inside the student's document, keyed by their own ids, each with its own version.
 */
@Service
public class Contacts implements RecipientDirectory {

    static final String SCHOOLS = "contact_schools";
    static final String STAFF = "contact_staff";
    static final String STUDENTS = "contact_students";
    static final String SUBJECTS = "contact_subjects";
    static final String CLASSES = "contact_classes";
    static final String ACCOUNTS = "contact_accounts";

    private final MongoTemplate mongo;
    private final ContactSettings settings;
    private final ReferenceCache<String, School> schoolCache;
    private final ReferenceCache<String, String> subjectCache;
    private final ReferenceCache<String, String> classCache;
    private final ReferenceCache<String, List<Staff>> administratorCache;

    Contacts(MongoTemplate mongo, ContactSettings settings) {
        this.mongo = mongo;
        this.settings = settings;
        this.schoolCache = new ReferenceCache<>(settings.cacheTtl(), 10_000);
        this.subjectCache = new ReferenceCache<>(settings.cacheTtl(), 10_000);
        this.classCache = new ReferenceCache<>(settings.cacheTtl(), 50_000);
        this.administratorCache = new ReferenceCache<>(settings.cacheTtl(), 10_000);
    }

    public record School(String id, String name, String shortName, String municipalityId, String municipalityName,
            ZoneId zone) {

        /** The short name when there is one ("МБОУ СОШ 1"), mails are read on phones. */
        public String displayName() {
            return shortName != null && !shortName.isBlank() ? shortName : name;
        }
    }

    public record Staff(String id, String schoolId, String lastName, String firstName, String middleName,
            String email, Set<String> roles, boolean active) {

        public String fullName() {
            return join(lastName, firstName, middleName);
        }

        public boolean administrator() {
            return roles.contains("SCHOOL_ADMINISTRATOR");
        }

        public Recipient recipient() {
            return new Recipient(id, email, fullName());
        }
    }

    public record Account(String id, String email, String name, Set<String> roles, boolean active,
            Set<String> schools) {

        public Recipient recipient() {
            return new Recipient(id, email, name);
        }
    }

    /** A grant of access to the student's diary. */
    public record Access(String accessId, String accountId, String schoolId, LocalDate from, LocalDate to,
            boolean active) {

        public boolean covers(LocalDate day) {
            return active && !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /**
     * @param emailNotices whether a consent with the purpose EMAIL_NOTICES is in force for the student
     */
    public record Student(String id, String lastName, String firstName, String middleName, List<Access> access,
            boolean emailNotices) {

        /** "Иванова Анна": surname and first name, as a school writes a student in lists. */
        public String displayName() {
            return lastName == null ? "обучающийся" : join(lastName, firstName, null);
        }

        public String fullName() {
            return lastName == null ? "обучающийся" : join(lastName, firstName, middleName);
        }

        /** The accounts that may read the student's diary on the day. */
        public Set<String> readersOn(LocalDate day) {
            Set<String> accounts = new TreeSet<>();
            access.stream().filter(a -> a.covers(day)).forEach(a -> accounts.add(a.accountId()));
            return accounts;
        }
    }

    // ------------------------------------------------------------------------------------------------ reads

    public Optional<School> school(String id) {
        return schoolCache.get(id, key -> Optional.ofNullable(find(SCHOOLS, key)).map(Contacts::school));
    }

    /** The school's time zone, or the configured default while the school is not known yet. */
    public ZoneId zone(String schoolId) {
        return school(schoolId).map(School::zone).orElse(settings.defaultZone());
    }

    public ZoneId defaultZone() {
        return settings.defaultZone();
    }

    public List<School> schools() {
        return mongo.getCollection(SCHOOLS).find().map(Contacts::school).into(new ArrayList<>());
    }

    public Optional<String> subjectName(String id) {
        return id == null ? Optional.empty()
                : subjectCache.get(id, key -> Optional.ofNullable(find(SUBJECTS, key)).map(d -> d.getString("name")));
    }

    public Optional<String> className(String id) {
        return id == null ? Optional.empty()
                : classCache.get(id, key -> Optional.ofNullable(find(CLASSES, key)).map(d -> d.getString("name")));
    }

    public Optional<Student> student(String id) {
        return Optional.ofNullable(find(STUDENTS, id)).map(Contacts::student);
    }

    public Optional<Staff> staff(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(find(STAFF, id)).map(Contacts::staff);
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(find(ACCOUNTS, id)).map(Contacts::account);
    }

    public Map<String, Account> accounts(Collection<String> ids) {
        Map<String, Account> found = new LinkedHashMap<>();
        if (!ids.isEmpty()) {
            mongo.getCollection(ACCOUNTS).find(new Document("_id", new Document("$in", List.copyOf(ids))))
                    .forEach(d -> found.put(d.getString("_id"), account(d)));
        }
        return found;
    }

    /** Active administrators of the school with an address. */
    public List<Staff> administrators(String schoolId) {
        return administratorCache.get(schoolId, key -> Optional.of(mongo.getCollection(STAFF)
                .find(new Document("schoolId", key).append("active", true).append("roles", "SCHOOL_ADMINISTRATOR"))
                .map(Contacts::staff).into(new ArrayList<Staff>()).stream()
                .filter(s -> s.email() != null && !s.email().isBlank()).toList())).orElse(List.of());
    }

    /**
     * Every active user with an address: staff of the schools and accounts with access in them, or — for
     * {@code schoolIds == null}, the whole region — all active staff and all active accounts (operators included).
     * One entry per address: a teacher who is also a parent gets one mail.
     */
    public List<Recipient> usersAt(Set<String> schoolIds) {
        Map<String, Recipient> byAddress = new LinkedHashMap<>();
        Document staffFilter = new Document("active", true);
        if (schoolIds != null) {
            staffFilter.append("schoolId", new Document("$in", List.copyOf(schoolIds)));
        }
        mongo.getCollection(STAFF).find(staffFilter).map(Contacts::staff).forEach(s -> add(byAddress, s.recipient()));
        mongo.getCollection(ACCOUNTS).find(new Document("active", true)).map(Contacts::account).forEach(a -> {
            if (schoolIds == null || a.schools().stream().anyMatch(schoolIds::contains)) {
                add(byAddress, a.recipient());
            }
        });
        return List.copyOf(byAddress.values());
    }

    private static void add(Map<String, Recipient> byAddress, Recipient recipient) {
        if (recipient.address() != null && !recipient.address().isBlank()) {
            byAddress.putIfAbsent(recipient.address().trim().toLowerCase(Locale.ROOT), recipient);
        }
    }

    @Override
    public Optional<Recipient> find(String recipientId) {
        Optional<Recipient> account = account(recipientId).filter(a -> a.email() != null).map(Account::recipient);
        return account.isPresent() ? account
                : staff(recipientId).filter(s -> s.email() != null).map(Staff::recipient);
    }

    // ------------------------------------------------------------------------------------------------ writes

    void schoolRegistered(ContactEvents.SchoolRegistered school) {
        // registration has no version: the event is the school's one registration, replays write the same values
        mongo.upsert(Query.query(Criteria.where("_id").is(school.schoolId())), new Update()
                .set("name", school.name())
                .set("shortName", school.shortName())
                .set("municipalityId", school.municipalityId())
                .set("municipalityName", school.municipalityName())
                .set("timeZone", school.timeZone()), SCHOOLS);
        schoolCache.invalidate(school.schoolId());
    }

    void staffChanged(ContactEvents.StaffChanged staff) {
        VersionedUpsert.ifNewer(mongo, STAFF, staff.staffId(), "version", staff.version(), new Update()
                .set("schoolId", staff.schoolId())
                .set("lastName", staff.lastName())
                .set("firstName", staff.firstName())
                .set("middleName", staff.middleName())
                .set("email", blankToNull(staff.email()))
                .set("roles", List.copyOf(new TreeSet<>(staff.roles())))
                .set("active", staff.active()));
        administratorCache.invalidate(staff.schoolId());
    }

    void studentChanged(ContactEvents.StudentChanged student) {
        VersionedUpsert.ifNewer(mongo, STUDENTS, student.studentId(), "version", student.version(), new Update()
                .set("lastName", student.lastName())
                .set("firstName", student.firstName())
                .set("middleName", student.middleName()));
    }

    void subjectDefined(ContactEvents.SubjectDefined subject) {
        VersionedUpsert.ifNewer(mongo, SUBJECTS, subject.subjectId(), "version", subject.version(),
                new Update().set("name", subject.name()));
        subjectCache.invalidate(subject.subjectId());
    }

    void classChanged(ContactEvents.ClassChanged schoolClass) {
        VersionedUpsert.ifNewer(mongo, CLASSES, schoolClass.classId(), "version", schoolClass.version(), new Update()
                .set("schoolId", schoolClass.schoolId())
                .set("name", schoolClass.name()));
        classCache.invalidate(schoolClass.classId());
    }

    /** An access granted ({@code active}) or revoked: on the student (whose notices) and on the account (scopes). */
    void accessChanged(ContactEvents.AccessChanged access, boolean active) {
        String entry = "access." + key(access.accessId());
        VersionedUpsert.ifNewer(mongo, STUDENTS, access.studentId(), entry + ".version", access.version(), new Update()
                .set(entry + ".accountId", access.guardianAccountId())
                .set(entry + ".schoolId", access.schoolId())
                .set(entry + ".from", access.from().toString())
                .set(entry + ".to", access.to() == null ? null : access.to().toString())
                .set(entry + ".active", active));
        VersionedUpsert.ifNewer(mongo, ACCOUNTS, access.guardianAccountId(), entry + ".version", access.version(), new Update()
                .set(entry + ".schoolId", access.schoolId())
                .set(entry + ".active", active));
    }

    void consentChanged(ContactEvents.ConsentChanged consent, boolean active) {
        String entry = "consents." + key(consent.consentId());
        VersionedUpsert.ifNewer(mongo, STUDENTS, consent.studentId(), entry + ".version", consent.version(), new Update()
                .set(entry + ".emailNotices", consent.purposes().contains("EMAIL_NOTICES"))
                .set(entry + ".active", active));
    }

    /** {@code applications.account.issued.v1}: the account's address, name and roles; it is active. */
    public void accountIssued(String accountId, String email, String name, List<String> roles, int version) {
        VersionedUpsert.ifNewer(mongo, ACCOUNTS, accountId, "version", version, new Update()
                .set("email", blankToNull(email))
                .set("name", name)
                .set("roles", List.copyOf(new TreeSet<>(roles)))
                .set("active", true));
    }

    /** {@code applications.account.blocked.v1}: no longer a user to notify of maintenance. */
    public void accountBlocked(String accountId, int version) {
        VersionedUpsert.ifNewer(mongo, ACCOUNTS, accountId, "version", version, new Update().set("active", false));
    }

    /**
     * One conditional upsert: it matches only a stored version lower than the event's (or none), so an equal or newer
     * stored entry makes the upsert try to insert the same {@code _id}, which the store refuses.
     *
     * @return whether the event was applied
     */

    private Document find(String collection, String id) {
        return id == null ? null : mongo.getCollection(collection).find(new Document("_id", id)).first();
    }

    /** Map keys inside documents: ids with dots or dollars would be read as paths. */
    static String key(String id) {
        return id.replace('.', '_').replace('$', '_');
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    static String join(String lastName, String firstName, String middleName) {
        StringBuilder name = new StringBuilder(lastName == null ? "" : lastName);
        for (String part : new String[] {firstName, middleName}) {
            if (part != null && !part.isBlank()) {
                name.append(name.isEmpty() ? "" : " ").append(part);
            }
        }
        return name.toString();
    }

    private static School school(Document d) {
        return new School(d.getString("_id"), d.getString("name"), d.getString("shortName"),
                d.getString("municipalityId"), d.getString("municipalityName"), ZoneId.of(d.getString("timeZone")));
    }

    private static Staff staff(Document d) {
        return new Staff(d.getString("_id"), d.getString("schoolId"), d.getString("lastName"),
                d.getString("firstName"), d.getString("middleName"), d.getString("email"),
                Set.copyOf(d.getList("roles", String.class, List.of())), Boolean.TRUE.equals(d.getBoolean("active")));
    }

    private static Account account(Document d) {
        Set<String> schools = new TreeSet<>();
        if (d.get("access") instanceof Document accesses) {
            for (Object value : accesses.values()) {
                if (value instanceof Document a && Boolean.TRUE.equals(a.getBoolean("active"))) {
                    schools.add(a.getString("schoolId"));
                }
            }
        }
        return new Account(d.getString("_id"), d.getString("email"), d.getString("name"),
                Set.copyOf(d.getList("roles", String.class, List.of())), Boolean.TRUE.equals(d.getBoolean("active")),
                schools);
    }

    private static Student student(Document d) {
        List<Access> access = new ArrayList<>();
        if (d.get("access") instanceof Document accesses) {
            accesses.forEach((accessId, value) -> {
                if (value instanceof Document a && a.getString("from") != null) {
                    access.add(new Access(accessId, a.getString("accountId"), a.getString("schoolId"),
                            LocalDate.parse(a.getString("from")),
                            a.getString("to") == null ? null : LocalDate.parse(a.getString("to")),
                            Boolean.TRUE.equals(a.getBoolean("active"))));
                }
            });
        }
        boolean emailNotices = false;
        if (d.get("consents") instanceof Document consents) {
            for (Object value : consents.values()) {
                if (value instanceof Document c && Boolean.TRUE.equals(c.getBoolean("active"))
                        && Boolean.TRUE.equals(c.getBoolean("emailNotices"))) {
                    emailNotices = true;
                }
            }
        }
        return new Student(d.getString("_id"), d.getString("lastName"), d.getString("firstName"),
                d.getString("middleName"), access, emailNotices);
    }
}
