package ru.eshkola.notification.mail;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders mails with Thymeleaf: {@code templates/mail/<name>.subject.txt} and {@code <name>.txt} in TEXT mode,
 * {@code <name>.html} in HTML mode (escaping every value). An engine of its own, so that the web views'
 * configuration never changes how mails look.
 */
@Component
public class MailTemplates {

    private static final String PREFIX = "templates/mail/";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    MailTemplates() {
        engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(MailTemplates.class.getClassLoader());
        resolver.setPrefix(PREFIX);
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(Set.of(pattern));
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        return resolver;
    }

    public RenderedMail render(MailTemplate template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.forLanguageTag("ru"));
        context.setVariables(model);
        String name = template.templateName();
        String subject = engine.process(name + ".subject.txt", context).replaceAll("\\s+", " ").strip();
        String text = engine.process(name + ".txt", context).strip() + "\n";
        String html = engine.process(name + ".html", context);
        return new RenderedMail(subject, text, html);
    }
}
