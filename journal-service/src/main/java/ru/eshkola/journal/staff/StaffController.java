package ru.eshkola.journal.staff;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/schools/{schoolId}/staff")
@Validated
@Tag(name = "Staff", description = "Teachers and school administrators")
class StaffController {

    private final StaffRegistry registry;
    private final JournalAccess access;

    StaffController(StaffRegistry registry, JournalAccess access) {
        this.registry = registry;
        this.access = access;
    }

    record StaffView(String id, String schoolId, String externalId, String lastName, String firstName,
            String middleName, String email, List<StaffRole> roles, boolean active, int version) {

        static StaffView of(StaffMember m) {
            return new StaffView(m.id(), m.schoolId(), m.externalId(), m.lastName(), m.firstName(), m.middleName(),
                    m.email(), m.roles().stream().sorted().toList(), m.active(), m.revision());
        }
    }

    @PutMapping("/{externalId}")
    @Operation(summary = "Add or change a staff member",
            description = "The school's administrator; its administrators also the operators of its territory. "
                    + "Idempotent; publishes journal.staff.registered.v1 or journal.staff.updated.v1 when it changes")
    ResponseEntity<StaffView> save(@PathVariable String schoolId,
            @PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,40}", message = "letters, digits, . _ - only") String externalId,
            @Valid @RequestBody StaffRegistry.StaffRecord request, Caller caller) {
        access.requireStaffChange(caller, schoolId, request.roles().contains(StaffRole.SCHOOL_ADMINISTRATOR)
                || registry.isAdministrator(schoolId, externalId));
        StaffRegistry.Saved saved = registry.save(schoolId, externalId, request);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(StaffView.of(saved.member()));
    }

    @GetMapping("/{externalId}")
    @Operation(summary = "One staff member", description = "The school's staff and the operators of its territory")
    StaffView get(@PathVariable String schoolId, @PathVariable String externalId, Caller caller) {
        access.requireSchoolRead(caller, schoolId);
        return StaffView.of(registry.get(schoolId, externalId));
    }

    @GetMapping
    @Operation(summary = "The school's staff", description = "The school's staff and the operators of its territory")
    PageResponse<StaffView> list(@PathVariable String schoolId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size, Caller caller) {
        access.requireSchoolRead(caller, schoolId);
        return PageResponse.of(registry.list(schoolId, PageRequest.of(page, size, Sort.by("lastName", "firstName"))),
                StaffView::of);
    }
}
