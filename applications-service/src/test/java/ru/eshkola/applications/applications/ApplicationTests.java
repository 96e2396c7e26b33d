package ru.eshkola.applications.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import ru.eshkola.applications.registers.Deadline;
import ru.eshkola.applications.registers.Relation;
import ru.eshkola.kit.outbox.OutboxEntry;

class ApplicationTests {

    static final Instant RECEIVED = Instant.parse("2026-11-23T04:30:00Z");
    static final Instant NOW = Instant.parse("2026-11-23T05:00:00Z");

    static Application received(Application.Kind kind) {
        return Application.register("app-1", "school-1", "2026-0017", kind,
                new Application.Applicant(Relation.PARENT, "Иванова", "Мария", "Петровна", "m@example.ru", null, null),
                List.of(new Application.StudentRef("student-1", "Иванова", "Анна", null)),
                kind == Application.Kind.PAPER_EXTRACT ? new Application.Period(LocalDate.of(2026, 9, 1),
                        LocalDate.of(2026, 10, 31)) : null, null, List.of(new Application.Paper("Заявление", 1)),
                RECEIVED, LocalDate.of(2026, 11, 24), LocalDate.of(2026, 12, 7), true, NOW, "registrar-1");
    }

    static List<String> types(Application a) {
        return a.pendingEvents().stream().map(OutboxEntry::type).toList();
    }

    @Test
    void aReceivedApplicationIsGrantedThenTerminatedEachStepWithItsEventAndTrail() {
        Application a = received(Application.Kind.ELECTRONIC_DIARY);
        a.grant(List.of("consent-1"), null, LocalDate.of(2026, 11, 25), NOW.plusSeconds(86_400), "admin-1");
        boolean ended = a.terminate(Application.TerminationReason.APPLICANT_REQUEST, null, null, null,
                NOW.plusSeconds(2 * 86_400), "admin-1");

        assertThat(ended).isTrue();
        assertThat(a.state()).isEqualTo(Application.State.TERMINATED);
        assertThat(types(a)).containsExactly("applications.application.received.v1",
                "applications.application.granted.v1", "applications.application.terminated.v1");
        assertThat(a.pendingEvents()).allSatisfy(e -> assertThat(e.key()).isEqualTo("app-1"));
        assertThat(a.history()).extracting("action").containsExactly("REGISTERED", "GRANTED", "TERMINATED");
        assertThat(a.decision().onTime()).isTrue();
        assertThat(a.revision()).isEqualTo(3);
    }

    @Test
    void anApplicationIsDecidedOnlyOnce() {
        Application granted = received(Application.Kind.ELECTRONIC_DIARY);
        granted.grant(List.of("consent-1"), null, LocalDate.of(2026, 11, 25), NOW, "admin-1");
        assertThatThrownBy(() -> granted.grant(List.of("consent-1"), null, LocalDate.of(2026, 11, 25), NOW, "x"))
                .isInstanceOf(Application.TransitionRefused.class).hasMessageContaining("already GRANTED");
        assertThatThrownBy(() -> granted.refuse(List.of("NO_CONSENT"), List.of("…"), null, "/n", LocalDate.now(),
                NOW, "x")).isInstanceOf(Application.TransitionRefused.class);
        assertThat(types(granted)).hasSize(2);
    }

    @Test
    void onlyAGrantedElectronicDiaryServiceCanBeTerminated() {
        Application refused = received(Application.Kind.ELECTRONIC_DIARY);
        refused.refuse(List.of("APPLICATION_INCOMPLETE"), List.of("неполный комплект"), null, "/n",
                LocalDate.of(2026, 11, 25), NOW, "admin-1");
        assertThatThrownBy(() -> refused.terminate(Application.TerminationReason.APPLICANT_REQUEST, null, null, null,
                NOW, "x")).isInstanceOf(Application.TransitionRefused.class).hasMessageContaining("REFUSED");

        Application open = received(Application.Kind.ELECTRONIC_DIARY);
        assertThatThrownBy(() -> open.terminate(Application.TerminationReason.APPLICANT_REQUEST, null, null, null,
                NOW, "x")).isInstanceOf(Application.TransitionRefused.class);

        Application extract = received(Application.Kind.PAPER_EXTRACT);
        extract.grant(List.of("consent-1"), null, LocalDate.of(2026, 11, 25), NOW, "admin-1");
        assertThatThrownBy(() -> extract.terminate(Application.TerminationReason.APPLICANT_REQUEST, null, null, null,
                NOW, "x")).isInstanceOf(Application.TransitionRefused.class).hasMessageContaining("one-off");
    }

    @Test
    void terminatingATerminatedServiceAgainChangesNothing() {
        Application a = received(Application.Kind.ELECTRONIC_DIARY);
        a.grant(List.of("consent-1"), null, LocalDate.of(2026, 11, 25), NOW, "admin-1");
        a.terminate(Application.TerminationReason.CONSENT_WITHDRAWN, null, "consent-1", null, NOW, "admin-1");
        assertThat(a.terminate(Application.TerminationReason.CONSENT_WITHDRAWN, null, "consent-1", null, NOW, "x"))
                .isFalse();
        assertThat(types(a)).hasSize(3);
    }

    @Test
    void aDecisionAfterTheDueDateIsMarkedLate() {
        Application a = received(Application.Kind.ELECTRONIC_DIARY);
        a.refuse(List.of("APPLICATION_INCOMPLETE"), List.of("неполный комплект"), null, "/n",
                LocalDate.of(2026, 12, 8), NOW, "admin-1");
        assertThat(a.decision().onTime()).isFalse();
    }

    @Test
    void eachDeadlineStageIsNotedOnceAndOnlyWhileUndecided() {
        Application a = received(Application.Kind.ELECTRONIC_DIARY);
        assertThat(a.noteDeadline(new Deadline(Deadline.Stage.ON_TIME, 5), NOW)).isFalse();
        assertThat(a.noteDeadline(new Deadline(Deadline.Stage.DUE_SOON, 2), NOW)).isTrue();
        assertThat(a.noteDeadline(new Deadline(Deadline.Stage.DUE_SOON, 1), NOW)).isFalse();
        assertThat(a.noteDeadline(new Deadline(Deadline.Stage.OVERDUE, 0), NOW)).isTrue();
        assertThat(a.noteDeadline(new Deadline(Deadline.Stage.OVERDUE, 0), NOW)).isFalse();
        assertThat(types(a)).containsExactly("applications.application.received.v1",
                "applications.decision.overdue.v1", "applications.decision.overdue.v1");

        Application decided = received(Application.Kind.ELECTRONIC_DIARY);
        decided.grant(List.of("c"), null, LocalDate.of(2026, 11, 25), NOW, "admin-1");
        assertThat(decided.noteDeadline(new Deadline(Deadline.Stage.OVERDUE, 0), NOW)).isFalse();
    }
}
