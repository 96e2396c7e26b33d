package ru.eshkola.diary.extracts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.diary.access.DiaryAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@Validated
@Tag(name = "Journal extracts", description = "Paper extracts from the class journal (PDF, Russian)")
class ExtractController {

    private final Extracts extracts;
    private final DiaryAccess access;

    ExtractController(Extracts extracts, DiaryAccess access) {
        this.extracts = extracts;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/extracts/{id}.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "Download a journal extract", description = "For the administrator of the student's school. "
            + "The download is recorded in the student's access audit. Announced by diary.extract.ready.v1.")
    ResponseEntity<byte[]> download(@PathVariable @Size(max = 100) String id, Caller caller,
            HttpServletRequest request) {
        Extract extract = extracts.get(id);
        access.requireSchoolAdministrator(caller, extract.schoolId(), extract.studentId(), "extract " + id, request);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("extract-" + id + ".pdf").build().toString())
                .body(extract.pdf());
    }
}
