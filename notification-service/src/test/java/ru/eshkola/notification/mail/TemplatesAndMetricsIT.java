package ru.eshkola.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.notification.Feed;
import ru.eshkola.notification.NotificationIT;
import ru.eshkola.notification.TestMail;

/** The template catalogue with a preview of each, and the meters operators watch. */
@NotificationIT
class TemplatesAndMetricsIT {

    private static final JsonMapper JSON = JsonMapper.shared();

    @LocalServerPort
    int port;
    @Autowired
    MailQueue queue;

    @Test
    void everyTemplateIsListedAndPreviewedWithSampleDataInBothParts() {
        JsonNode list = JSON.readTree(Http.local(port).get("/api/v1/templates").body());
        assertThat(list.size()).isEqualTo(MailTemplate.values().length);
        for (JsonNode template : list) {
            HttpResponse<String> preview = Http.local(port).get(template.at("/preview").asString());
            assertThat(preview.statusCode()).as(template.toString()).isEqualTo(200);
            JsonNode body = JSON.readTree(preview.body());
            assertThat(body.at("/subject").asString()).isNotBlank();
            assertThat(body.at("/text").asString()).contains("Письмо отправлено автоматически");
            assertThat(body.at("/html").asString()).contains("<html lang=\"ru\">");
        }
        assertThat(Http.local(port).get("/api/v1/templates/no-such/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void sentMailsSmtpLatencyQueueAndBreakerStateAreMetered() {
        String address = Feed.email("metered");
        queue.enqueue(new OutgoingMail(Feed.id(), MailTemplate.TERMINATION, new Recipient(null, address, "Кто-то"),
                TemplateSamples.of(MailTemplate.TERMINATION)));
        TestMail.awaitOne(address);

        String metrics = Http.local(port).get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("eshkola_notification_messages_total\\{[^}]*outcome=\"sent\"[^}]*"
                        + "template=\"termination\"")
                .contains("eshkola_notification_smtp_seconds_count")
                .contains("eshkola_notification_smtp_seconds{application=\"notification-service\",quantile=\"0.99\"")
                .containsPattern("eshkola_notification_messages_queued\\{[^}]*template=\"maintenance-reminder\"")
                .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*name=\"smtp\"[^}]*state=\"closed\"")
                .contains("resilience4j_ratelimiter_available_permissions");
    }
}
