package ru.eshkola.monitoring.schools;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/schools")
@Validated
@Tag(name = "Schools", description = "The schools monitoring reports on, as learnt from journal events")
class SchoolController {

    private final SchoolDirectory directory;

    SchoolController(SchoolDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/{id}")
    @Operation(summary = "One monitored school")
    MonitoredSchool get(@PathVariable String id) {
        return directory.get(id);
    }

    @GetMapping
    @Operation(summary = "Monitored schools, optionally of one municipality")
    PageResponse<MonitoredSchool> list(@RequestParam(required = false) String municipalityId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(directory.list(municipalityId, PageRequest.of(page, size, Sort.by("name"))),
                school -> school);
    }
}
