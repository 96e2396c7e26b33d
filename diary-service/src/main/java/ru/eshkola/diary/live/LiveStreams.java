package ru.eshkola.diary.live;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ru.eshkola.diary.access.AccessGrants;
import ru.eshkola.diary.access.AccessRevoked;
import ru.eshkola.diary.access.DiaryAccess;
import ru.eshkola.diary.projection.ChangeLog;
import ru.eshkola.kit.security.Roles;
import ru.eshkola.kit.security.TokenRevocations;

/**
 * The open live streams of this instance, per student, fed from the students' change streams.
 *
 * <p>The change that a stream must show may have been consumed by any instance, so this instance does not wait to be
 * told: every {@code poll-interval} it reads the change counters of the students it has streams for (one
 * {@code _id $in} read) and sends what is new to each stream, in order, on a virtual thread of its own so that one
 * slow client holds up no one. Streams are closed at once when this instance learns that access was revoked or the
 * account blocked, and within {@code access-recheck} when another instance did.
 */
@Component
class LiveStreams implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final ChangeLog changes;
    private final AccessGrants grants;
    private final LiveSettings settings;
    private final Map<String, Set<LiveStream>> byStudent = new ConcurrentHashMap<>();
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Instant lastRecheck = Instant.EPOCH;
    private volatile Instant lastHeartbeat = Instant.now();

    LiveStreams(ChangeLog changes, AccessGrants grants, LiveSettings settings, TokenRevocations revocations,
            MeterRegistry meters) {
        this.changes = changes;
        this.grants = grants;
        this.settings = settings;
        revocations.onRevoked(account -> closeAccount(account, "account-blocked"));
        Gauge.builder("eshkola.diary.sse.streams", this, LiveStreams::open).description("open live streams")
                .register(meters);
    }

    /** Opens a stream; with {@code lastEventId} it first sends every change after it (or a reset). */
    SseEmitter open(DiaryAccess.Reader reader, String studentId, Long lastEventId) {
        SseEmitter emitter = new SseEmitter(settings.maxDuration().toMillis());
        long seq = changes.sequence(studentId);
        LiveStream stream = new LiveStream(reader.accountId(), reader.role(), studentId, emitter,
                lastEventId == null ? seq : lastEventId);
        emitter.onCompletion(() -> remove(stream));
        emitter.onTimeout(() -> remove(stream));
        emitter.onError(e -> remove(stream));
        stream.tryLock();
        try {
            if (lastEventId == null) {
                stream.ready(seq);
            } else {
                catchUp(stream, seq);
            }
        } catch (IOException e) {
            remove(stream);
            return emitter;
        } finally {
            stream.unlock();
        }
        byStudent.computeIfAbsent(studentId, s -> new CopyOnWriteArraySet<>()).add(stream);
        return emitter;
    }

    @Scheduled(fixedDelayString = "${eshkola.diary.live.poll-interval:100ms}")
    void poll() {
        if (byStudent.isEmpty()) {
            return;
        }
        try {
            recheckAccess();
            Map<String, Long> sequences = changes.sequences(new ArrayList<>(byStudent.keySet()));
            boolean heartbeat = Instant.now().isAfter(lastHeartbeat.plus(settings.heartbeat()));
            if (heartbeat) {
                lastHeartbeat = Instant.now();
            }
            for (Map.Entry<String, Set<LiveStream>> entry : byStudent.entrySet()) {
                long seq = sequences.getOrDefault(entry.getKey(), 0L);
                List<LiveStream> behind = entry.getValue().stream().filter(s -> s.lastSent() < seq).toList();
                if (!behind.isEmpty()) {
                    senders.execute(() -> deliver(behind, seq));
                } else if (heartbeat) {
                    entry.getValue().forEach(s -> senders.execute(() -> beat(s)));
                }
            }
        } catch (RuntimeException e) {
            log.warn("live streams not fed this round: {}", e.toString());
        }
    }

    private void deliver(List<LiveStream> streams, long seq) {
        for (LiveStream stream : streams) {
            if (!stream.tryLock()) {
                continue; // still sending the previous round; the next round picks it up
            }
            try {
                catchUp(stream, seq);
            } catch (IOException | IllegalStateException e) {
                remove(stream);
            } finally {
                stream.unlock();
            }
        }
    }

    private void catchUp(LiveStream stream, long seq) throws IOException {
        if (stream.lastSent() >= seq) {
            return;
        }
        var missed = changes.between(stream.studentId, stream.lastSent(), seq);
        if (missed.isPresent()) {
            stream.send(missed.get());
        } else {
            stream.reset(seq);
        }
    }

    private void beat(LiveStream stream) {
        try {
            stream.heartbeat();
        } catch (IOException | IllegalStateException e) {
            remove(stream);
        }
    }

    private void recheckAccess() {
        Instant now = Instant.now();
        if (now.isBefore(lastRecheck.plus(settings.accessRecheck()))) {
            return;
        }
        lastRecheck = now;
        Set<String> pairs = new HashSet<>();
        forEachStream(s -> {
            if (Roles.GUARDIAN.equals(s.role)) {
                pairs.add(AccessGrants.pair(s.accountId, s.studentId));
            }
        });
        if (pairs.isEmpty()) {
            return;
        }
        Set<String> active = grants.activePairs(pairs);
        forEachStream(s -> {
            if (Roles.GUARDIAN.equals(s.role) && !active.contains(AccessGrants.pair(s.accountId, s.studentId))) {
                close(s, "access-revoked");
            }
        });
    }

    @EventListener
    void accessRevoked(AccessRevoked revoked) {
        Set<LiveStream> streams = byStudent.getOrDefault(revoked.studentId(), Set.of());
        streams.stream().filter(s -> s.accountId.equals(revoked.guardianAccountId()) && Roles.GUARDIAN.equals(s.role))
                .forEach(s -> close(s, "access-revoked"));
    }

    void closeAccount(String accountId, String reason) {
        forEachStream(s -> {
            if (s.accountId.equals(accountId)) {
                close(s, reason);
            }
        });
    }

    private void close(LiveStream stream, String reason) {
        if (stream.close(reason)) {
            log.info("live stream closed: {}", reason);
        }
        remove(stream);
    }

    private void remove(LiveStream stream) {
        stream.markClosed();
        byStudent.computeIfPresent(stream.studentId, (k, set) -> {
            set.remove(stream);
            return set.isEmpty() ? null : set;
        });
    }

    private void forEachStream(java.util.function.Consumer<LiveStream> action) {
        byStudent.values().forEach(set -> set.forEach(action));
    }

    int open() {
        return byStudent.values().stream().mapToInt(Set::size).sum();
    }

    @Override
    public void destroy() {
        forEachStream(s -> s.close("shutdown"));
        senders.shutdownNow();
    }
}
