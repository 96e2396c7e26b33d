package ru.eshkola.journal.staff;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

import ru.eshkola.journal.schools.SchoolRegistry;
import ru.eshkola.kit.cache.ReferenceCache;
import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.problems.ProblemException;

/** The staff of every school, addressed by the school and its own staff number. */
@Service
public class StaffRegistry {

    private final Staff staff;
    private final SchoolRegistry schools;
    private final Clock clock;
    private final ReferenceCache<String, StaffInfo> cache = new ReferenceCache<>(Duration.ofSeconds(30), 100_000);

    StaffRegistry(Staff staff, SchoolRegistry schools, Clock clock) {
        this.staff = staff;
        this.schools = schools;
        this.clock = clock;
    }

    public static String staffId(String schoolId, String externalId) {
        return EventIds.fromKey("staff", schoolId, externalId);
    }

    /** What other features need of a staff member. */
    public record StaffInfo(String id, String schoolId, String lastName, String firstName, String middleName,
            boolean teacher, boolean administrator, boolean active) {

        public String shortName() {
            return lastName + " " + firstName.charAt(0) + "." + (middleName == null || middleName.isBlank() ? ""
                    : " " + middleName.charAt(0) + ".");
        }
    }

    public record StaffRecord(@NotBlank @Size(max = 100) String lastName, @NotBlank @Size(max = 100) String firstName,
            @Size(max = 100) String middleName, @Email @Size(max = 200) String email,
            @NotEmpty List<@NotNull StaffRole> roles, Boolean active) {
    }

    public record Saved(StaffMember member, boolean created, boolean changed) {
    }

    public Saved save(String schoolId, String externalId, StaffRecord request) {
        if (schools.find(schoolId).isEmpty()) {
            throw ProblemException.notFound("school", schoolId);
        }
        String id = staffId(schoolId, externalId);
        Optional<StaffMember> existing = staff.findById(id);
        StaffMember member = existing.orElseGet(() -> new StaffMember(id, schoolId, externalId));
        boolean changed = member.set(request.lastName().strip(), request.firstName().strip(),
                blankToNull(request.middleName()), blankToNull(request.email()), Set.copyOf(request.roles()),
                request.active() == null || request.active(), clock.instant());
        if (changed) {
            member = staff.save(member);
            cache.invalidate(id);
        }
        return new Saved(member, existing.isEmpty(), changed);
    }

    public Optional<StaffInfo> find(String id) {
        return cache.get(id, key -> staff.findById(key).map(StaffRegistry::info));
    }

    /** Whether the school's staff member with this number exists and is one of its administrators. */
    boolean isAdministrator(String schoolId, String externalId) {
        return find(staffId(schoolId, externalId)).map(StaffInfo::administrator).orElse(false);
    }

    StaffMember get(String schoolId, String externalId) {
        return staff.findById(staffId(schoolId, externalId))
                .orElseThrow(() -> ProblemException.notFound("staff member", externalId + " of school " + schoolId));
    }

    Page<StaffMember> list(String schoolId, Pageable page) {
        return staff.findBySchoolId(schoolId, page);
    }

    static StaffInfo info(StaffMember m) {
        return new StaffInfo(m.id(), m.schoolId(), m.lastName(), m.firstName(), m.middleName(),
                m.roles().contains(StaffRole.TEACHER), m.roles().contains(StaffRole.SCHOOL_ADMINISTRATOR),
                m.active());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
