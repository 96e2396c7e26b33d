package ru.eshkola.notification.maintenance;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.MessageState;
import ru.eshkola.notification.mail.MessageSummary;
import ru.eshkola.kit.web.CurrentActor;

/**
 * Maintenance windows (профилактические работы) as a municipal or regional operator announces them. The acting
 * operator comes from {@code X-Actor-Id} and is recorded; the service methods take it as a parameter, so the later
 * token checks (issue 8) change only how it is obtained.
 */
@RestController
@RequestMapping("/api/v1/maintenance-windows")
@Validated
@Tag(name = "Maintenance", description = "Maintenance windows: notices, reminders, recipients and delivery states")
class MaintenanceController {

    private final MaintenanceNotices notices;

    MaintenanceController(MaintenanceNotices notices) {
        this.notices = notices;
    }

    /**
     * @param scope                  REGION, MUNICIPALITY (scopeId = municipality id) or SCHOOL (scopeId = school id)
     * @param start                  with an offset, e.g. {@code 2026-12-12T02:00:00+05:00}
     * @param reason                 shown to users
     * @param announcedBy            who announces it, as the mail is signed
     * @param acknowledgeShortNotice emergency work announced less than a week ahead outside the night window
     */
    record Announce(@NotNull MaintenanceWindow.Scope scope, @Size(max = 64) String scopeId,
            @NotNull OffsetDateTime start, @NotNull OffsetDateTime end, @NotBlank @Size(max = 1000) String reason,
            @NotBlank @Size(max = 300) String announcedBy, Boolean acknowledgeShortNotice) {
    }

    record Cancel(@Size(max = 1000) String reason) {
    }

    /** One recipient's mails of the window, by state; reminders keyed by their lead (PT24H, PT1H). */
    record RecipientView(String recipientId, String address, MessageState notice, Map<String, MessageState> reminders,
            MessageState cancellation) {
    }

    record WindowView(String id, MaintenanceWindow.Scope scope, String scopeId, String scopeText, Instant start,
            Instant end, String zone, boolean night, boolean shortNotice, String reason, String announcedBy,
            MaintenanceWindow.State state, String createdBy, Instant createdAt, List<String> warnings,
            int recipientCount, Map<MessageState, Long> delivery, List<RecipientView> recipients,
            Instant cancelledAt, String cancelledBy, String cancelReason) {
    }

    @PostMapping
    @Operation(summary = "Announce a maintenance window: notices now, reminders before the start; 422 when outside "
            + "02:00–06:00 local time with less than 7 days' notice")
    ResponseEntity<WindowView> announce(@RequestBody @Valid Announce request, @CurrentActor String actor) {
        MaintenanceWindow window = notices.announce(request.scope(), request.scopeId(), request.start().toInstant(),
                request.end().toInstant(), request.reason(), request.announcedBy(),
                Boolean.TRUE.equals(request.acknowledgeShortNotice()), actor);
        return ResponseEntity.created(URI.create("/api/v1/maintenance-windows/" + window.id())).body(view(window));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A window with its recipients and the delivery state of each one's notice and reminders")
    WindowView get(@PathVariable @Size(max = 64) String id) {
        return view(notices.get(id));
    }

    @GetMapping
    @Operation(summary = "Windows not ended before `from` (default: now), by start; without recipients")
    List<WindowView> list(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
            OffsetDateTime from) {
        return notices.list(from == null ? Instant.now() : from.toInstant()).stream()
                .map(w -> summary(w, null)).toList();
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "Cancel a window: queued notices and reminders are cancelled, those told get a cancellation")
    WindowView cancel(@PathVariable @Size(max = 64) String id, @RequestBody(required = false) @Valid Cancel request,
            @CurrentActor String actor) {
        return view(notices.cancel(id, request == null ? null : request.reason(), actor));
    }

    private WindowView view(MaintenanceWindow window) {
        return summary(window, notices.messages(window));
    }

    private static WindowView summary(MaintenanceWindow w, List<MessageSummary> messages) {
        Map<MessageState, Long> delivery = new EnumMap<>(MessageState.class);
        List<RecipientView> recipients = null;
        if (messages != null) {
            Map<String, RecipientView> byRecipient = new LinkedHashMap<>();
            for (MessageSummary m : messages) {
                delivery.merge(m.state(), 1L, Long::sum);
                String key = m.recipientId() != null ? m.recipientId() : m.to();
                RecipientView current = byRecipient.getOrDefault(key,
                        new RecipientView(m.recipientId(), m.to(), null, new LinkedHashMap<>(), null));
                if (m.template().equals(MailTemplate.MAINTENANCE_NOTICE.templateName())) {
                    current = new RecipientView(current.recipientId(), current.address(), m.state(),
                            current.reminders(), current.cancellation());
                } else if (m.template().equals(MailTemplate.MAINTENANCE_CANCELLED.templateName())) {
                    current = new RecipientView(current.recipientId(), current.address(), current.notice(),
                            current.reminders(), m.state());
                } else {
                    String source = m.sourceId() == null ? m.id() : m.sourceId();
                    current.reminders().put(source.substring(source.lastIndexOf(':') + 1), m.state());
                }
                byRecipient.put(key, current);
            }
            recipients = new ArrayList<>(byRecipient.values());
        }
        return new WindowView(w.id(), w.scope(), w.scopeId(), w.scopeText(), w.start(), w.end(), w.zone(), w.night(),
                w.shortNotice(), w.reason(), w.announcedBy(), w.state(), w.createdBy(), w.createdAt(), w.warnings(),
                w.recipientCount(), delivery, recipients, w.cancelledAt(), w.cancelledBy(), w.cancelReason());
    }
}
