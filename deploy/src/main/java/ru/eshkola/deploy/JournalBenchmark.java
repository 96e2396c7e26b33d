package ru.eshkola.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk lesson entry against a running journal with its real store and broker (deploy/local/run): teachers submit
 * whole lessons of 25 students, each grade and absence an event through the outbox. Prints durable grades per
 * second, the latency of a submission (p50, p99, max) and the outbox-to-Kafka lag of the grade events as a
 * subscriber sees them (ce_time to arrival), and the journal's heap. Asserts nothing.
 *
 * <p>Everyone signs in as on the platform, before anything is timed: the bootstrap operator registers the benchmark's
 * school and appoints its administrator, who builds the roster; each class's teacher (a staff member with a work
 * e-mail, whose account applications-service issues from the journal's staff events, active with the local
 * platform's {@code ESHKOLA_DEMO_STAFF_PASSWORD}) enters the lessons with their own token. Signing in costs the
 * timed run nothing, and the journal checks each submission's token as it would any teacher's.
 *
 * <p>Usage: {@code JournalBenchmark [journal URL] [kafka bootstrap] [seconds] [concurrent teachers]
 * [applications URL]}, defaults http://127.0.0.1:8081, 127.0.0.1:9092, 30, 8, http://127.0.0.1:8083.
 */
public final class JournalBenchmark {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final int STUDENTS = 25;
    private final String journal;
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor())
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final PlatformSignIn signIn;

    private JournalBenchmark(String journal, String applications) {
        this.journal = journal;
        this.signIn = new PlatformSignIn(applications, http);
    }

    public static void main(String[] args) throws Exception {
        String journal = args.length > 0 ? args[0] : "http://127.0.0.1:8081";
        String kafka = args.length > 1 ? args[1] : "127.0.0.1:9092";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int teachers = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String applications = args.length > 4 ? args[4] : "http://127.0.0.1:8083";
        new JournalBenchmark(journal, applications).run(kafka, seconds, teachers);
    }

    /** A class of 25 students and its mathematics teacher, with the teacher's access token once signed in. */
    private record Fixture(String classId, String subjectId, String teacherId, String teacherEmail,
            List<String> students, String token) {

        Fixture signedIn(String accessToken) {
            return new Fixture(classId, subjectId, teacherId, teacherEmail, students, accessToken);
        }
    }

    private void run(String kafka, int seconds, int teachers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("journal benchmark %s: %d s, %d concurrent teachers, lessons of %d students%n", run,
                seconds, teachers, STUDENTS);
        List<Fixture> unsigned = roster(kafka, run, Math.max(teachers * 4, 32));
        quiesce(kafka, Duration.ofMinutes(5));
        List<Fixture> classes = signInTeachers(unsigned);
        List<LocalDate> days = new ArrayList<>(schoolDays(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 23)));
        days.addAll(schoolDays(LocalDate.of(2026, 11, 5), LocalDate.of(2026, 11, 24)));
        System.out.printf("roster: %d classes, %d school days, %d lesson slots%n", classes.size(), days.size(),
                classes.size() * days.size() * 7);

        AtomicInteger slot = new AtomicInteger();
        warmUp(classes, days, slot, 200);
        quiesce(kafka, Duration.ofMinutes(5));

        try (LagProbe lag = new LagProbe(kafka, "journal.grades")) {
            ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            AtomicLong grades = new AtomicLong();
            AtomicInteger failures = new AtomicInteger();
            Instant start = Instant.now();
            Instant end = start.plusSeconds(seconds);
            CountDownLatch done = new CountDownLatch(teachers);
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int t = 0; t < teachers; t++) {
                    pool.submit(() -> {
                        try {
                            while (Instant.now().isBefore(end)) {
                                long began = System.nanoTime();
                                int entered = submit(classes, days, slot.getAndIncrement());
                                latencies.add(System.nanoTime() - began);
                                if (entered < 0) {
                                    failures.incrementAndGet();
                                } else {
                                    grades.addAndGet(entered);
                                }
                            }
                        } finally {
                            done.countDown();
                        }
                    });
                }
                done.await();
            }
            double elapsed = Duration.between(start, Instant.now()).toMillis() / 1000.0;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("submissions: %d (%d refused) in %.1f s = %.0f lessons/s%n", sorted.length,
                    failures.get(), elapsed, sorted.length / elapsed);
            System.out.printf("durable grades: %d = %.0f grades/s (each lesson also carries its record and absences)%n",
                    grades.get(), grades.get() / elapsed);
            System.out.printf("submission latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 0.5),
                    percentile(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
            lag.awaitAll(grades.get(), Duration.ofSeconds(60));
            lag.print();
        }
        heap();
    }

    /**
     * Waits until every consumer group has read what was published so far (the roster above is about a thousand
     * events that the other services digest), so that the run measures lesson entry, not that backlog.
     */
    private static void quiesce(String bootstrap, Duration timeout) throws Exception {
        long began = System.nanoTime();
        long deadline = began + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long behind = Long.MAX_VALUE;
            while (behind > 0 && System.nanoTime() < deadline) {
                behind = 0;
                for (var group : admin.listConsumerGroups().all().get()) {
                    if (group.groupId().startsWith("benchmark-")) {
                        continue;
                    }
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                            .partitionsToOffsetAndMetadata().get();
                    Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                    committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
                    var ends = admin.listOffsets(latest).all().get();
                    for (var entry : committed.entrySet()) {
                        if (entry.getValue() != null) {
                            behind += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                        }
                    }
                }
                if (behind > 0) {
                    Thread.sleep(500);
                }
            }
            System.out.printf("consumers caught up with the roster in %.1f s%s%n", (System.nanoTime() - began) / 1e9,
                    behind > 0 ? " (gave up: " + behind + " records still unread)" : "");
        }
    }

    /**
     * A school with classes of 25 students, a teacher of mathematics assigned to each, through the API: the operator
     * registers the school and appoints its administrator, the administrator (once applications-service has issued
     * the account) builds the rest.
     */
    private List<Fixture> roster(String kafka, String run, int count) throws Exception {
        String operator = signIn.operator();
        String school = call("POST", "/api/v1/schools", """
                {"code":"bench-%s","name":"Бенчмарк школа %s","shortName":"Бенч %s",
                 "municipality":{"id":"bench","name":"Бенчмарк"},"timeZone":"Asia/Yekaterinburg","platform":"eshkola"}"""
                .formatted(run, run, run), operator).get("id").asString();
        String subject = call("PUT", "/api/v1/subjects/bench-math", "{\"name\":\"Математика (бенчмарк)\","
                + "\"shortName\":\"Мат.\"}", operator).get("id").asString();
        String adminEmail = email(run, "admin");
        call("PUT", "/api/v1/schools/" + school + "/staff/A1", staff("Администратор", adminEmail,
                "SCHOOL_ADMINISTRATOR"), operator);
        quiesce(kafka, Duration.ofMinutes(2));
        String admin = signIn.staff(adminEmail, 4);
        call("PUT", "/api/v1/schools/" + school + "/years/2026-2027", """
                {"start":"2026-09-01","end":"2027-05-31","scheme":"QUARTERS",
                 "periods":[{"start":"2026-09-01","end":"2026-10-23"},{"start":"2026-11-05","end":"2026-12-26"},
                            {"start":"2027-01-12","end":"2027-03-20"},{"start":"2027-03-30","end":"2027-05-31"}],
                 "holidays":[]}""", admin);
        List<Fixture> classes = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            String teacherEmail = email(run, "t" + c);
            String teacher = call("PUT", "/api/v1/schools/" + school + "/staff/T" + c,
                    staff("Учитель " + c, teacherEmail, "TEACHER"), admin).get("id").asString();
            int grade = 1 + c % 11;
            String letter = String.valueOf("АБВГДЕЖИКЛМНОП".charAt(c / 11));
            String classId = call("POST", "/api/v1/classes", """
                    {"schoolId":"%s","schoolYear":"2026/2027","gradeLevel":%d,"letter":"%s"}"""
                    .formatted(school, grade, letter), admin).get("id").asString();
            List<String> students = new ArrayList<>();
            for (int s = 0; s < STUDENTS; s++) {
                String student = call("PUT", "/api/v1/students/by-number/B-" + run + "-" + c + "-" + s,
                        "{\"lastName\":\"Ученик\",\"firstName\":\"" + s + "\",\"birthDate\":\"2013-01-01\"}",
                        admin).get("id").asString();
                call("POST", "/api/v1/classes/" + classId + "/enrolments",
                        "{\"studentId\":\"" + student + "\",\"from\":\"2026-09-01\"}", admin);
                students.add(student);
            }
            call("POST", "/api/v1/classes/" + classId + "/assignments", """
                    {"subjectId":"%s","teacherId":"%s","from":"2026-09-01"}""".formatted(subject, teacher), admin);
            classes.add(new Fixture(classId, subject, teacher, teacherEmail, students, null));
        }
        return classes;
    }

    /** Every class's teacher signs in (their accounts were issued while the consumers caught up). */
    private List<Fixture> signInTeachers(List<Fixture> classes) throws IOException, InterruptedException {
        long began = System.nanoTime();
        List<Fixture> signedIn = new ArrayList<>();
        for (Fixture c : classes) {
            signedIn.add(c.signedIn(signIn.staff(c.teacherEmail(), 4)));
        }
        System.out.printf("%d teachers signed in in %.1f s (not timed)%n", signedIn.size(),
                (System.nanoTime() - began) / 1e9);
        return signedIn;
    }

    private static String email(String run, String who) {
        return "bench-" + run + "-" + who + "@bench.eshkola.local";
    }

    private static String staff(String lastName, String email, String role) {
        return """
                {"lastName":"%s","firstName":"Бенчмарк","email":"%s","roles":["%s"]}""".formatted(lastName, email,
                role);
    }

    private void warmUp(List<Fixture> classes, List<LocalDate> days, AtomicInteger slot, int lessons)
            throws Exception {
        long began = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < lessons; i++) {
                pool.submit(() -> submit(classes, days, slot.getAndIncrement()));
            }
        }
        System.out.printf("warm-up: %d lessons in %.1f s%n", lessons, (System.nanoTime() - began) / 1e9);
    }

    /** Enters one lesson: 25 grades minus 1–2 absences; returns the grades entered, or -1 when refused. */
    private int submit(List<Fixture> classes, List<LocalDate> days, int n) {
        Fixture c = classes.get(n % classes.size());
        int perClass = n / classes.size();
        LocalDate day = days.get(perClass / 7 % days.size());
        int number = 1 + perClass % 7;
        StringBuilder grades = new StringBuilder();
        StringBuilder absences = new StringBuilder();
        int entered = 0;
        for (int s = 0; s < c.students().size(); s++) {
            String student = c.students().get(s);
            if ((s + n) % 17 == 0) {
                absences.append(absences.isEmpty() ? "" : ",").append("{\"studentId\":\"").append(student)
                        .append("\",\"reason\":\"ILLNESS\"}");
            } else {
                grades.append(grades.isEmpty() ? "" : ",").append("{\"studentId\":\"").append(student)
                        .append("\",\"value\":\"").append(2 + (s * 7 + n) % 4).append("\",\"kind\":\"TEST\"}");
                entered++;
            }
        }
        String body = """
                {"classId":"%s","subjectId":"%s","teacherId":"%s","date":"%s","lessonNumber":%d,
                 "topic":"Контрольная работа","homework":{"text":"Повторить","dueDate":"%s"},
                 "grades":[%s],"absences":[%s]}""".formatted(c.classId(), c.subjectId(), c.teacherId(), day, number,
                day.plusDays(2), grades, absences);
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(journal + "/api/v1/lessons"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", PlatformSignIn.bearer(c.token()))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 201 ? entered : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private JsonNode call(String method, String path, String json, String token)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(journal + path))
                .header("Content-Type", "application/json").header("Authorization", PlatformSignIn.bearer(token))
                .method(method, HttpRequest.BodyPublishers.ofString(json)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + " "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private void heap() throws IOException, InterruptedException {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(journal + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double used = metrics.lines().filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        System.out.printf("journal heap in use after the run: %.0f MiB%n", used / 1024 / 1024);
    }

    private static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                    && !d.equals(LocalDate.of(2026, 11, 4))) {
                days.add(d);
            }
        }
        return days;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    /** Reads a topic from its end as an outside subscriber and measures ce_time to arrival. */
    private static final class LagProbe implements AutoCloseable {

        private final KafkaConsumer<byte[], byte[]> consumer;
        private final ConcurrentLinkedQueue<Long> lags = new ConcurrentLinkedQueue<>();
        private final Thread poller;
        private volatile boolean running = true;

        LagProbe(String bootstrap, String topic) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "benchmark-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            poller = Thread.ofPlatform().start(() -> {
                while (running) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Header time = record.headers().lastHeader("ce_time");
                        if (time != null) {
                            Instant recorded = OffsetDateTime.parse(new String(time.value(),
                                    StandardCharsets.UTF_8)).toInstant();
                            lags.add(Duration.between(recorded, Instant.now()).toNanos());
                        }
                    }
                }
            });
        }

        void awaitAll(long expected, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (lags.size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
        }

        void print() {
            long[] sorted = lags.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("outbox to Kafka (grade recorded to a subscriber receiving it): %d events, p50 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms%n", sorted.length, percentile(sorted, 0.5),
                    percentile(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            poller.join();
            consumer.close();
        }
    }
}
