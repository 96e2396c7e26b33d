package ru.eshkola.kit.sample;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.eshkola.kit.security.AccessRules;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Callers;
import ru.eshkola.kit.security.Roles;
import ru.eshkola.kit.web.CurrentActor;

/** What a secured service does with the kit: the caller as a parameter, method security, its own request rules. */
@RestController
class CallerController {

    private final Callers callers;

    CallerController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/secured/me")
    Caller me(Caller caller) {
        return caller;
    }

    @GetMapping("/secured/me/account")
    Map<String, String> account() {
        return Map.of("accountId", callers.current().accountId());
    }

    @GetMapping("/secured/lessons")
    @PreAuthorize("hasRole('TEACHER')")
    Map<String, String> teachersOnly(Caller caller) {
        return Map.of("teacher", caller.accountId());
    }

    @GetMapping("/secured/schools/{schoolId}/staff")
    @PreAuthorize("@callers.current().administers(#schoolId)")
    Map<String, String> administeredSchool(@PathVariable String schoolId) {
        return Map.of("school", schoolId);
    }

    /** A data-dependent check in the service's own code. */
    @GetMapping("/secured/diaries/{studentId}")
    Map<String, String> diary(@PathVariable String studentId, Caller caller) {
        if (!caller.hasStudent(studentId)) {
            throw new AccessDeniedException("not a student of this caller");
        }
        return Map.of("student", studentId);
    }

    @GetMapping("/secured/operators/report")
    Map<String, String> operatorsReport() {
        return Map.of("report", "ok");
    }

    /** Server-sent events run on after the controller returns (async dispatch). */
    @GetMapping(path = "/secured/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(Caller caller) {
        SseEmitter emitter = new SseEmitter(5_000L);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
                emitter.send(SseEmitter.event().name("hello").data(caller.accountId()));
                emitter.complete();
            } catch (Exception e) {
                emitter.completeWithError(e);
            }
        });
        return emitter;
    }

    @GetMapping("/notice")
    Map<String, String> publicNotice() {
        return Map.of("notice", "open to all");
    }

    @PostMapping("/secured/actions")
    Map<String, String> act(@CurrentActor String actor) {
        return Map.of("actor", actor);
    }

    @Configuration(proxyBeanMethods = false)
    static class Rules {

        @Bean
        AccessRules sampleRules() {
            return rules -> rules
                    .requestMatchers("/notice").permitAll()
                    .requestMatchers("/secured/operators/**")
                    .hasAnyRole(Roles.MUNICIPAL_OPERATOR, Roles.REGIONAL_OPERATOR);
        }
    }
}
