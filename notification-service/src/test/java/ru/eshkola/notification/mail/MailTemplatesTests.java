package ru.eshkola.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MailTemplatesTests {

    final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @EnumSource(MailTemplate.class)
    void everyTemplateRendersARussianSubjectAndBothParts(MailTemplate template) {
        RenderedMail mail = templates.render(template, TemplateSamples.of(template));

        assertThat(mail.subject()).isNotBlank().doesNotContain("\n").doesNotContain("${").doesNotContain("[(")
                .matches(".*[А-Яа-яЁё].*");
        assertThat(mail.text()).contains("Письмо отправлено автоматически").doesNotContain("[#").doesNotContain("[(");
        assertThat(mail.html()).startsWith("<!DOCTYPE html>").contains("lang=\"ru\"").doesNotContain("th:text").doesNotContain("th:if");
        boolean optional = !template.category().mandatory();
        if (optional && template != MailTemplate.PROGRESS_DIGEST) {
            assertThat(mail.text()).contains("unsubscribe?token=");
            assertThat(mail.html()).contains("Отписаться");
        }
    }

    @ParameterizedTest
    @EnumSource(value = MailTemplate.class, names = {"GRADE", "COMPLAINT_ANSWER", "PROGRESS_DIGEST"})
    void valuesAreEscapedInTheHtmlPart(MailTemplate template) {
        Map<String, Object> model = new java.util.HashMap<>(TemplateSamples.of(template));
        model.put("studentName", "<script>alert(1)</script>");
        model.put("answer", "<b>ответ</b>");
        model.put("recipientName", "<i>имя</i>");
        RenderedMail mail = templates.render(template, model);
        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>ответ</b>").doesNotContain("<i>имя");
    }

    @ParameterizedTest
    @EnumSource(value = MailTemplate.class, names = {"GRADE", "ABSENCE", "PERIOD_RESULT"})
    void correctionsAndWithdrawalsHaveTheirOwnWording(MailTemplate template) {
        Map<String, Object> model = new java.util.HashMap<>(TemplateSamples.of(template));
        model.put("change", "CORRECTED");
        model.put("previousValue", "3");
        assertThat(templates.render(template, model).subject()).startsWith("Исправлен");
    }
}
