package ru.eshkola.diary.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.eshkola.diary.access.DiaryAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@Validated
@Tag(name = "Live", description = "Server-sent events of a student's diary")
class LiveController {

    private final LiveStreams streams;
    private final DiaryAccess access;

    LiveController(LiveStreams streams, DiaryAccess access) {
        this.streams = streams;
        this.access = access;
    }

    @GetMapping(path = "/api/v1/students/{studentId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "New and corrected grades, absences and period results as they happen",
            description = "Events are named by what changed (grade.recorded, grade.corrected, grade.withdrawn, "
                    + "absence.*, period-result.*), carry the change's number as their id, and start with "
                    + "`ready`. Reconnect with Last-Event-ID to get every change since; `reset` means the changes "
                    + "since were no longer kept (reload the view). `closed` ends a stream whose access was revoked "
                    + "or whose account was blocked.")
    SseEmitter live(@PathVariable @Size(max = 200) String studentId,
            @Parameter(description = "the id of the last event received, to resume without gaps")
            @RequestHeader(name = "Last-Event-ID", required = false)
            @Pattern(regexp = "[0-9]{1,18}", message = "must be the number of a change") String lastEventId,
            Caller caller, HttpServletRequest request) {
        DiaryAccess.Reader reader = access.requireReader(caller, studentId, "live", "live", request);
        return streams.open(reader, studentId, lastEventId == null ? null : Long.parseLong(lastEventId));
    }
}
