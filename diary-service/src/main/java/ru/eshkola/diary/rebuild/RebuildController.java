package ru.eshkola.diary.rebuild;

import java.net.URI;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.diary.projection.Generations;
import ru.eshkola.kit.security.AccessRules;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Roles;

@RestController
@RequestMapping("/api/v1/admin/projection")
@Validated
@Tag(name = "Projection (operators)", description = "Rebuild the diary's projection from the journal's topics. "
        + "Regional operators only.")
class RebuildController {

    private final ProjectionRebuild rebuilds;
    private final Generations generations;

    RebuildController(ProjectionRebuild rebuilds, Generations generations) {
        this.rebuilds = rebuilds;
        this.generations = generations;
    }

    /** The operator commands are for the region's operators: the kit answers anyone else with a 403 problem. */
    @Bean
    static AccessRules projectionAdminRules() {
        return rules -> rules.requestMatchers("/api/v1/admin/**").hasRole(Roles.REGIONAL_OPERATOR);
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the whole projection by replaying the journal's topics into a fresh generation",
            description = "202 with the rebuild's status resource; the diary stays readable and live meanwhile and "
                    + "switches over when the replay has caught up. 409 `rebuild-running` while one runs.")
    ResponseEntity<Rebuild> rebuild(Caller caller) {
        Rebuild rebuild = rebuilds.start(caller.accountId());
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/projection/rebuilds/" + rebuild.id()))
                .body(rebuild);
    }

    @GetMapping("/rebuilds/{id}")
    @Operation(summary = "A rebuild's state: RUNNING, SWITCHED, DONE or FAILED, with the events applied")
    Rebuild rebuildState(@PathVariable @Size(max = 64) String id) {
        return rebuilds.get(id);
    }

    @GetMapping
    @Operation(summary = "The current generation of the projection")
    Map<String, Integer> current() {
        return Map.of("generation", generations.current());
    }
}
