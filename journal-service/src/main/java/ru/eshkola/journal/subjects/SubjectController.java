package ru.eshkola.journal.subjects;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.journal.access.JournalAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/subjects")
@Validated
@Tag(name = "Subjects", description = "The region's subject catalogue")
class SubjectController {

    private final SubjectCatalog catalog;
    private final JournalAccess access;

    SubjectController(SubjectCatalog catalog, JournalAccess access) {
        this.catalog = catalog;
        this.access = access;
    }

    record DefineSubject(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String shortName) {
    }

    @PutMapping("/{code}")
    @Operation(summary = "Define or rename a subject", description = "The region's operator. Idempotent; publishes "
            + "journal.subject.defined.v1 when it changes")
    ResponseEntity<SubjectCatalog.SubjectInfo> define(
            @PathVariable @Pattern(regexp = "[a-z0-9-]{1,40}", message = "lower-case letters, digits and - only") String code,
            @Valid @RequestBody DefineSubject request, Caller caller) {
        access.requireCatalogueChange(caller);
        SubjectCatalog.Defined defined = catalog.define(code, request.name(), request.shortName());
        return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(SubjectCatalog.info(defined.subject()));
    }

    @GetMapping("/{code}")
    SubjectCatalog.SubjectInfo get(@PathVariable String code) {
        return SubjectCatalog.info(catalog.get(code));
    }

    @GetMapping
    List<SubjectCatalog.SubjectInfo> list() {
        return catalog.all();
    }
}
