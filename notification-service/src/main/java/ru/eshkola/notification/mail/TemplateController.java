package ru.eshkola.notification.mail;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.kit.problems.ProblemException;

@RestController
@RequestMapping("/api/v1/templates")
@Validated
@Tag(name = "Templates", description = "The mail templates and a preview of each with sample data")
class TemplateController {

    private final MailTemplates templates;

    TemplateController(MailTemplates templates) {
        this.templates = templates;
    }

    record TemplateView(String name, String category, boolean mandatory, String description, String preview) {
    }

    record Preview(String name, String subject, String text, String html) {
    }

    @GetMapping
    @Operation(summary = "Every template with its category")
    List<TemplateView> list() {
        return Arrays.stream(MailTemplate.values()).map(t -> new TemplateView(t.templateName(), t.category().name(),
                t.category().mandatory(), t.description(), "/api/v1/templates/" + t.templateName() + "/preview"))
                .toList();
    }

    @GetMapping("/{name}/preview")
    @Operation(summary = "The template rendered with sample data: subject, plain text and HTML parts")
    Preview preview(@PathVariable @Size(max = 64) String name) {
        MailTemplate template = MailTemplate.byName(name)
                .orElseThrow(() -> ProblemException.notFound("template", name));
        RenderedMail mail = templates.render(template, TemplateSamples.of(template));
        return new Preview(name, mail.subject(), mail.text(), mail.html());
    }
}
