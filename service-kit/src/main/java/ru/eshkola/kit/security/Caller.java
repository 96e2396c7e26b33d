package ru.eshkola.kit.security;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who sends the request, as the validated access token says. Only claims: what the caller may see or change is
 * decided by the service, which combines these with its own data. A controller receives it as a method parameter
 * ({@code Caller caller}); elsewhere {@link Callers#current()} gives it.
 *
 * @param accountId    {@code sub}: the account id (also the actor recorded with every change)
 * @param roles        {@code roles}: see {@link Roles}
 * @param students     {@code students}: student ids whose diary the caller may read (as guardian, or their own)
 * @param schools      {@code schools}: schools where the caller has a staff role
 * @param adminSchools {@code adminSchools}: schools the caller administers
 * @param classes      {@code classes}: classes the caller teaches in or leads this school year
 * @param subjects     {@code subjects}: subjects the caller teaches
 * @param teaching     {@code teaching}: the precise {@code <classId>/<subjectId>} pairs the caller teaches
 * @param municipality {@code municipality}: the operator's municipality, or {@code null}
 * @param region       {@code region}: the operator's region, or {@code null}
 * @param tokenId      {@code jti}: the token's id, or {@code null}
 * @param staffIds     {@code staff}: the journal's staff ids ({@code staffId} of {@code journal.staff.*}) the
 *                     account holds, one per school where it is staff
 */
public record Caller(String accountId, Set<String> roles, Set<String> students, Set<String> schools,
        Set<String> adminSchools, Set<String> classes, Set<String> subjects, Set<String> teaching,
        String municipality, String region, String tokenId, Set<String> staffIds) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        roles = sorted(roles);
        students = sorted(students);
        schools = sorted(schools);
        adminSchools = sorted(adminSchools);
        classes = sorted(classes);
        subjects = sorted(subjects);
        teaching = sorted(teaching);
        staffIds = sorted(staffIds);
    }

    /** A caller without staff ids (the form before the {@code staff} claim existed). */
    public Caller(String accountId, Set<String> roles, Set<String> students, Set<String> schools,
            Set<String> adminSchools, Set<String> classes, Set<String> subjects, Set<String> teaching,
            String municipality, String region, String tokenId) {
        this(accountId, roles, students, schools, adminSchools, classes, subjects, teaching, municipality, region,
                tokenId, Set.of());
    }

    /** Reads the claims of a validated token; array claims the issuer left out (empty) become empty sets. */
    public static Caller of(Jwt jwt) {
        return new Caller(jwt.getSubject(), strings(jwt, "roles"), strings(jwt, "students"), strings(jwt, "schools"),
                strings(jwt, "adminSchools"), strings(jwt, "classes"), strings(jwt, "subjects"),
                strings(jwt, "teaching"), jwt.getClaimAsString("municipality"), jwt.getClaimAsString("region"),
                jwt.getId(), strings(jwt, "staff"));
    }

    /** The {@code teaching} claim's form of one class and subject. */
    public static String teachingPair(String classId, String subjectId) {
        return classId + "/" + subjectId;
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... anyOf) {
        return Arrays.stream(anyOf).anyMatch(roles::contains);
    }

    /** The student is in the {@code students} claim: the caller is their guardian, or the student themselves. */
    public boolean hasStudent(String studentId) {
        return students.contains(studentId);
    }

    /** The caller has a staff role at the school ({@code schools} claim). */
    public boolean worksAt(String schoolId) {
        return schools.contains(schoolId);
    }

    public boolean administers(String schoolId) {
        return adminSchools.contains(schoolId);
    }

    /** The caller teaches this subject in this class ({@code teaching} claim). */
    public boolean teaches(String classId, String subjectId) {
        return teaching.contains(teachingPair(classId, subjectId));
    }

    /** The caller teaches in or leads this class ({@code classes} claim). */
    public boolean teachesIn(String classId) {
        return classes.contains(classId);
    }

    /**
     * The caller is this member of the journal's staff ({@code staff} claim): e.g. the teacher recorded on a lesson,
     * the author of a grade.
     */
    public boolean isStaff(String staffId) {
        return staffId != null && staffIds.contains(staffId);
    }

    public boolean operatesInMunicipality(String municipalityId) {
        return municipalityId != null && municipalityId.equals(municipality);
    }

    public boolean operatesInRegion(String regionId) {
        return regionId != null && regionId.equals(region);
    }

    private static Set<String> strings(Jwt jwt, String claim) {
        if (!jwt.hasClaim(claim)) {
            return Set.of();
        }
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? Set.of() : new TreeSet<>(values.stream().filter(Objects::nonNull).toList());
    }

    private static Set<String> sorted(Set<String> values) {
        if (values == null || values.isEmpty()) {
            return Collections.emptySortedSet();
        }
        SortedSet<String> copy = new TreeSet<>(values);
        return Collections.unmodifiableSortedSet(copy);
    }
}
