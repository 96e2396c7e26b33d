package ru.eshkola.journal.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import ru.eshkola.journal.JournalApi;
import ru.eshkola.journal.JournalIntegrationTest;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The logs of a busy run carry no personal data and no secrets: the service's whole output while staff, students,
 * lessons, refusals and bad tokens go through it is scanned for the names, e-mail and tokens used.
 */
@JournalIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogScanIT {

    @LocalServerPort
    int port;

    @Test
    void noNamesEmailsOrTokensReachTheLogs(CapturedOutput output) {
        AccessWorld w = new AccessWorld(port);
        JournalApi api = w.api;
        String lastName = "Фамилияненайдётся";
        String email = "secret.person@example.ru";
        api.put("/api/v1/schools/" + w.schoolA + "/staff/LOG-1", """
                {"lastName":"%s","firstName":"Имя","email":"%s","roles":["TEACHER"]}""".formatted(lastName, email),
                JournalApi.admin(w.schoolA));
        api.put("/api/v1/students/by-number/LOG-" + w.run, """
                {"lastName":"%s","firstName":"Ребёнок","birthDate":"2014-03-03"}""".formatted(lastName),
                JournalApi.REGISTRAR);
        var teacher = api.teacherToken(w.t1);
        api.get("/api/v1/journal?classId=" + w.seventhB + "&subjectId=" + w.math + "&from=2026-11-01&to=2026-11-30",
                teacher);
        api.get("/api/v1/lessons/" + w.lesson, api.teacherToken(w.t2));
        api.get("/api/v1/students/" + w.s1, w.token(AccessWorld.Who.REGIONAL_OPERATOR));
        api.send("PUT", "/api/v1/students/by-number/LOG-" + w.run, "{\"lastName\":\"" + lastName + "\"}",
                JournalApi.REGISTRAR);
        var forged = teacher.forged();
        api.get("/api/v1/schools", forged);
        api.get("/api/v1/schools", teacher.expired());

        String logs = output.getAll();
        assertThat(logs).as("the run was logged at all").contains("request denied");
        for (String secret : List.of(lastName, email, "Иванова", teacher.encoded(), forged.encoded(),
                signatureOf(teacher), TestTokens.jwkSet().substring(40, 80))) {
            assertThat(logs).as("the logs must not contain " + secret.substring(0, Math.min(20, secret.length())))
                    .doesNotContain(secret);
        }
    }

    private static String signatureOf(TestTokens.Token token) {
        String jwt = token.encoded();
        return jwt.substring(jwt.lastIndexOf('.') + 1);
    }
}
