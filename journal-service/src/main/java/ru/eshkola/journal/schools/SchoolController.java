package ru.eshkola.journal.schools;

import java.net.URI;
import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/schools")
@Validated
@Tag(name = "Schools", description = "The region's schools (ОУ)")
class SchoolController {

    private final SchoolRegistry registry;
    private final JournalAccess access;

    SchoolController(SchoolRegistry registry, JournalAccess access) {
        this.registry = registry;
        this.access = access;
    }

    record SchoolView(String id, String code, String name, String shortName,
            SchoolRegistry.MunicipalityRef municipality, String timeZone, String platform, Instant registeredAt) {

        static SchoolView of(School school) {
            return new SchoolView(school.id(), school.code(), school.name(), school.shortName(),
                    new SchoolRegistry.MunicipalityRef(school.municipality().id(), school.municipality().name()), school.timeZone(),
                    school.platform(), school.registeredAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register a school", description = "The region's operator, or the operator of the school's "
            + "municipality. Publishes journal.school.registered.v1")
    ResponseEntity<SchoolView> register(@Valid @RequestBody SchoolRegistry.RegisterSchool request, Caller caller) {
        access.requireSchoolRegistration(caller, request.municipality().id());
        School school = registry.register(request);
        return ResponseEntity.created(URI.create("/api/v1/schools/" + school.id())).body(SchoolView.of(school));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One school", description = "Any staff or operator token")
    SchoolView get(@PathVariable String id) {
        return SchoolView.of(registry.get(id));
    }

    @GetMapping
    @Operation(summary = "Schools, optionally of one municipality, by name",
            description = "Any staff or operator token")
    PageResponse<SchoolView> list(@RequestParam(required = false) String municipalityId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(registry.list(municipalityId, PageRequest.of(page, size, Sort.by("name"))),
                SchoolView::of);
    }
}
