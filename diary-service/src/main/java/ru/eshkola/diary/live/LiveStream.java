package ru.eshkola.diary.live;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.eshkola.diary.projection.ChangeLog;

/** One open live stream: who reads which student's diary, and the number of the last change sent. */
final class LiveStream {

    final String accountId;
    final String role;
    final String studentId;
    final SseEmitter emitter;
    private volatile long lastSent;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    LiveStream(String accountId, String role, String studentId, SseEmitter emitter, long lastSent) {
        this.accountId = accountId;
        this.role = role;
        this.studentId = studentId;
        this.emitter = emitter;
        this.lastSent = lastSent;
    }

    long lastSent() {
        return lastSent;
    }

    boolean tryLock() {
        return busy.compareAndSet(false, true);
    }

    void unlock() {
        busy.set(false);
    }

    boolean isClosed() {
        return closed.get();
    }

    /** Sends the changes in order; each carries its number as the SSE id, so Last-Event-ID resumes after it. */
    void send(List<ChangeLog.Change> changes) throws IOException {
        for (ChangeLog.Change change : changes) {
            emitter.send(SseEmitter.event().id(Long.toString(change.seq())).name(change.type())
                    .data(Map.of("seq", change.seq(), "type", change.type(), "at", change.at().toString(),
                            "data", change.data())));
            lastSent = change.seq();
        }
    }

    /** The client is further behind than the kept changes: it must load the view again, then follow from {@code seq}. */
    void reset(long seq) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(seq)).name("reset")
                .data(Map.of("seq", seq, "reason", "changes-not-kept")));
        lastSent = seq;
    }

    void ready(long seq) throws IOException {
        emitter.send(SseEmitter.event().id(Long.toString(seq)).name("ready").data(Map.of("seq", seq)));
        lastSent = Math.max(lastSent, seq);
    }

    void heartbeat() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    /** Ends the stream with a last event saying why; false when it was already closed. */
    boolean close(String reason) {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        try {
            emitter.send(SseEmitter.event().name("closed").data(Map.of("reason", reason)));
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone already
        }
        emitter.complete();
        return true;
    }

    void markClosed() {
        closed.set(true);
    }
}
