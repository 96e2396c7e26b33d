package ru.eshkola.journal.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

/** Loads the demo region; only where {@code eshkola.demo.enabled=true} (the local platform), never in production. */
@RestController
@Validated
@ConditionalOnProperty(name = "eshkola.demo.enabled", havingValue = "true")
@Tag(name = "Demo region", description = "Only on demo deployments")
class DemoController {

    private final DemoRegion demo;
    private final JournalAccess access;

    DemoController(DemoRegion demo, JournalAccess access) {
        this.demo = demo;
        this.access = access;
    }

    @PostMapping("/api/v1/admin/demo-region")
    @Operation(summary = "Generate the demo region, or add the school days since the last run",
            description = "Deterministic from the seed; size scales the number of parallel classes (1 = 2 in the "
                    + "large schools, 1 in the small ones). The region's operator.")
    DemoRegion.Summary generate(@RequestParam(defaultValue = "2026") long seed,
            @RequestParam(defaultValue = "1.0") @DecimalMin("0.5") @DecimalMax("10") double size,
            @RequestParam(defaultValue = "9") @Min(1) @Max(9) int schools, Caller caller) {
        access.requireDemoRegion(caller);
        return demo.generate(seed, size, schools);
    }
}
