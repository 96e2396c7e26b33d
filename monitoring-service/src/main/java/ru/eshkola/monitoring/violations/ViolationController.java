package ru.eshkola.monitoring.violations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1/violations")
@Validated
@Tag(name = "Violations", description = "Broken entry deadlines, per school, teacher and class")
class ViolationController {

    private final ViolationRegister register;

    ViolationController(ViolationRegister register) {
        this.register = register;
    }

    @GetMapping
    @Operation(summary = "Violations, latest deadline first, filtered by school, teacher, class, state and rule")
    PageResponse<ViolationView> list(@RequestParam(required = false) @Size(max = 200) String schoolId,
            @RequestParam(required = false) @Size(max = 200) String teacherId,
            @RequestParam(required = false) @Size(max = 200) String classId,
            @Parameter(description = "OPEN or CLOSED") @RequestParam(required = false)
            @Pattern(regexp = "OPEN|CLOSED", message = "must be OPEN or CLOSED") String state,
            @Parameter(description = "GRADE_ENTRY, PERIOD_RESULT, ABSENCE_ENTRY, LESSON_TOPIC, HOMEWORK or TIMETABLE")
            @RequestParam(required = false)
            @Pattern(regexp = "GRADE_ENTRY|PERIOD_RESULT|ABSENCE_ENTRY|LESSON_TOPIC|HOMEWORK|TIMETABLE",
                    message = "must be one of GRADE_ENTRY, PERIOD_RESULT, ABSENCE_ENTRY, LESSON_TOPIC, HOMEWORK, "
                            + "TIMETABLE") String rule,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(register.list(schoolId, teacherId, classId, state, rule,
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "dueAt").and(Sort.by("_id")))), v -> v);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One violation")
    ViolationView get(@PathVariable @Size(max = 600) String id) {
        return register.get(id).orElseThrow(() -> ProblemException.notFound("violation", id));
    }
}
