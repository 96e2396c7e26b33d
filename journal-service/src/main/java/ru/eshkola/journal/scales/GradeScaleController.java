package ru.eshkola.journal.scales;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/scales")
@Validated
@Tag(name = "Grade scales", description = "The scales grades are entered on (data, not code)")
class GradeScaleController {

    private final GradeScales scales;
    private final JournalAccess access;

    GradeScaleController(GradeScales scales, JournalAccess access) {
        this.scales = scales;
        this.access = access;
    }

    record ScaleValue(@NotBlank @Size(max = 20) String code, Double numeric, boolean passing) {
    }

    record DefineScale(@NotBlank @Size(max = 100) String name, @NotEmpty @Size(max = 20) List<@Valid @NotNull ScaleValue> values) {
    }

    @GetMapping
    List<GradeScale> list() {
        return scales.all();
    }

    @PutMapping("/{id}")
    @Operation(summary = "Define a grade scale", description = "The region's operator. Values already used by grades "
            + "must stay")
    GradeScale define(@PathVariable @Pattern(regexp = "[a-z0-9-]{1,40}", message = "lower-case letters, digits, -") String id,
            @Valid @RequestBody DefineScale request, Caller caller) {
        access.requireCatalogueChange(caller);
        if (request.values().stream().map(ScaleValue::code).distinct().count() != request.values().size()) {
            throw ProblemException.invalid("values", "codes must be distinct");
        }
        return scales.save(new GradeScale(id, request.name(), request.values().stream()
                .map(v -> new GradeScale.Value(v.code(), v.numeric(), v.passing())).toList()));
    }
}
