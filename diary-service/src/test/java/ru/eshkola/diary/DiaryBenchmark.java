package ru.eshkola.diary;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.MongoWireStore;
import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The diary under a realistic term, measured — prints figures, asserts nothing.
 *
 * <p>Starts the real broker and store of the tests (in this JVM) and the whole diary application against them, then:
 * <ol>
 * <li>loads the roster of the nine demo schools (≈ 3 800 students in 152 classes, their timetables and guardians'
 * access), then a term of lessons, grades and absences as the journal publishes them, as fast as the broker takes
 * them, and measures the events per second ingested into the projection (until the consumer group has committed
 * everything);</li>
 * <li>reads week views with {@code --readers} client threads for {@code --read-seconds}: throughput and p50/p99;</li>
 * <li>keeps the journal's load going at {@code --load-rate} events/s while probe grades are sent and the REST week view
 * is polled until each shows up: end-to-end latency p50/p99 (broker acknowledgement → visible in the diary);</li>
 * <li>prints heap and RSS of this JVM (broker, store, diary and clients together).</li>
 * </ol>
 * Run (from the repository root):
 * <pre>
 * ./mvnw -B -o -q -pl diary-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/benchmark.classpath -Dmdep.includeScope=test
 * java -Xmx2g -cp "diary-service/target/test-classes:diary-service/target/classes:$(cat diary-service/target/benchmark.classpath)" \
 *     ru.eshkola.diary.DiaryBenchmark --weeks 2 --load-rate 500 --probes 60 --readers 16 --read-seconds 20
 * </pre>
 */
public final class DiaryBenchmark {

    static final JsonMapper JSON = JsonMapper.shared();
    static final String GROUP = "diary-benchmark";
    static final LocalDate TERM_START = LocalDate.of(2026, 11, 2);
    static final String[] SCHOOLS = {"МБОУ СОШ 1", "МБОУ СОШ 2", "МБОУ СОШ 3", "МБОУ СОШ 7", "МАОУ НТГ", "МБОУ ИСОШ",
            "МКОУ Сигнальненская СОШ", "МКОУ Косьинская СОШ", "МКОУ Платинская ООШ"};
    static final int[] CLASSES_PER_SCHOOL = {22, 22, 20, 20, 18, 16, 12, 12, 10};
    static final String[] SUBJECTS = {"Русский язык", "Литература", "Математика", "Алгебра", "Геометрия", "История",
            "Обществознание", "География", "Биология", "Физика", "Химия", "Английский язык", "Информатика",
            "Физическая культура", "Музыка"};

    private final Random random = new Random(20261125);
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<ClassRef> classes = new ArrayList<>();
    private final List<String> students = new ArrayList<>();
    private final Map<String, String> classOfStudent = new HashMap<>();
    private final String[] subjects = new String[SUBJECTS.length];
    private final AtomicLong sent = new AtomicLong();

    record ClassRef(String id, String schoolId, String yearId, List<String> students, String[] timetable,
            String[] teachers) {
    }

    DiaryBenchmark(String bootstrap) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(options(args));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // the broker, the store and the application leave non-daemon threads: a failed run must not linger
        System.exit(status);
    }

    static void run(Map<String, String> options) throws Exception {
        int weeks = Integer.parseInt(options.getOrDefault("weeks", "3"));
        int loadRate = Integer.parseInt(options.getOrDefault("load-rate", "5000"));
        int readers = Integer.parseInt(options.getOrDefault("readers", "16"));
        int readSeconds = Integer.parseInt(options.getOrDefault("read-seconds", "20"));
        int probes = Integer.parseInt(options.getOrDefault("probes", "200"));
        double scale = Double.parseDouble(options.getOrDefault("scale", "1"));

        System.setProperty("logging.level.root", "WARN");
        System.setProperty("eshkola.store.slow-ms", options.getOrDefault("slow-ms", "2000"));
        TestInfrastructure infrastructure = TestInfrastructure.get();
        // the local platform's store (deploy/local/run): H2 file, every write command committed before it is
        // acknowledged, queries on _id narrowed by the _id index; "memory" for the tests' in-memory store
        MongoWireStore store = "memory".equals(options.getOrDefault("store", "h2")) ? MongoWireStore.inMemory()
                : MongoWireStore.persistent(Files.createTempDirectory("diary-benchmark").resolve("store.mv"));
        int storePort = store.start("127.0.0.1", 0).getPort();
        // command-line arguments: above the service's application.yml, as deploy/local/run's environment is
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DiaryApplication.class).run(
                "--server.port=0", "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--spring.cloud.stream.default.group=" + GROUP,
                "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + storePort + "/diary",
                "--eshkola.security.jwt.issuer=" + TestTokens.issuer(),
                "--eshkola.security.jwt.jwk-set-uri=" + TestTokens.jwkSetUri(),
                "--eshkola.security.jwt.audience=" + TestTokens.AUDIENCE);
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        DiaryBenchmark bench = new DiaryBenchmark(infrastructure.kafkaBootstrapServers());
        System.out.printf(Locale.ROOT, "%n== diary benchmark: %d cores, Kafka %s, store %s%n", Runtime.getRuntime()
                .availableProcessors(), infrastructure.kafkaBootstrapServers(), store.description());

        long rosterEvents = bench.roster(scale);
        bench.awaitCaughtUp(infrastructure.kafkaBootstrapServers(), Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "roster: %d schools, %d classes, %d students, %d roster and access events%n",
                SCHOOLS.length, bench.classes.size(), bench.students.size(), rosterEvents);

        Instant start = Instant.now();
        long termEvents = bench.term(weeks);
        Duration produced = Duration.between(start, Instant.now());
        bench.awaitCaughtUp(infrastructure.kafkaBootstrapServers(), Duration.ofMinutes(30));
        Duration ingested = Duration.between(start, Instant.now());
        System.out.printf(Locale.ROOT, "ingest: %d journal events (%d weeks of lessons, grades, absences, corrections) "
                        + "produced in %.1f s, in the projection after %.1f s: %.0f events/s%n", termEvents, weeks,
                produced.toMillis() / 1000.0, ingested.toMillis() / 1000.0,
                termEvents / (ingested.toMillis() / 1000.0));

        bench.reads(port, readers, readSeconds, weeks);
        bench.latency(port, loadRate, probes);
        memory();
        bench.producer.close();
        app.close();
        store.close();
    }

    // ---- the data

    long roster(double scale) {
        long before = sent.get();
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = EventIds.next();
            send("journal.subjects", "journal.subject.defined.v1", subjects[i], json().put("subjectId", subjects[i])
                    .put("code", "s" + i).put("name", SUBJECTS[i]).put("version", 1).put("changedAt", now()));
        }
        for (int s = 0; s < SCHOOLS.length; s++) {
            String school = EventIds.next();
            String year = EventIds.next();
            send("journal.schools", "journal.school.registered.v1", school, json().put("schoolId", school)
                    .put("code", "ntgo-" + s).put("name", SCHOOLS[s]).put("shortName", SCHOOLS[s])
                    .put("municipalityId", "ntgo").put("municipalityName", "Нижнетуринский городской округ")
                    .put("timeZone", "Asia/Yekaterinburg").put("platform", "eshkola").put("registeredAt", now()));
            ObjectNode schoolYear = json().put("schoolYearId", year).put("schoolId", school).put("label", "2026/2027")
                    .put("start", "2026-09-01").put("end", "2027-05-31").put("scheme", "QUARTERS")
                    .put("closed", false).put("version", 1).put("changedAt", now()).put("changedBy", "admin");
            var periods = schoolYear.putArray("periods");
            periods.addObject().put("periodId", year + "-q1").put("kind", "QUARTER").put("number", 1)
                    .put("start", "2026-09-01").put("end", "2026-10-23");
            periods.addObject().put("periodId", year + "-q2").put("kind", "QUARTER").put("number", 2)
                    .put("start", "2026-11-02").put("end", "2026-12-26");
            schoolYear.putArray("holidays");
            send("journal.schools", "journal.school-year.configured.v1", school, schoolYear);
            String[] teachers = new String[28];
            for (int t = 0; t < teachers.length; t++) {
                teachers[t] = EventIds.next();
                send("journal.staff", "journal.staff.registered.v1", teachers[t], json().put("staffId", teachers[t])
                        .put("schoolId", school).put("externalId", "T-" + t).put("lastName", "Учителева")
                        .put("firstName", "Анна").put("middleName", "Ивановна").put("email", "t" + t + "@example.ru")
                        .put("active", true).put("version", 1).put("changedAt", now())
                        .set("roles", JSON.createArrayNode().add("TEACHER")));
            }
            int classCount = (int) Math.round(CLASSES_PER_SCHOOL[s] * scale);
            for (int c = 0; c < classCount; c++) {
                String classId = EventIds.next();
                send("journal.classes", "journal.class.opened.v1", classId, json().put("classId", classId)
                        .put("schoolId", school).put("schoolYear", "2026/2027").put("gradeLevel", 1 + c % 11)
                        .put("letter", "А").put("name", (1 + c % 11) + "А").put("version", 1).put("changedAt", now())
                        .put("changedBy", "admin"));
                String[] timetable = new String[30];
                String[] teacherOf = new String[30];
                ObjectNode tt = json().put("classId", classId).put("schoolId", school).put("schoolYear", "2026/2027")
                        .put("version", 1).put("changedAt", now()).put("changedBy", "admin");
                var slots = tt.putArray("slots");
                for (int slot = 0; slot < 30; slot++) {
                    timetable[slot] = subjects[random.nextInt(subjects.length)];
                    teacherOf[slot] = teachers[random.nextInt(teachers.length)];
                    slots.addObject().put("weekday", 1 + slot / 6).put("lessonNumber", 1 + slot % 6)
                            .put("startTime", String.format("%02d:00", 8 + slot % 6))
                            .put("endTime", String.format("%02d:40", 8 + slot % 6)).put("subjectId", timetable[slot])
                            .put("teacherId", teacherOf[slot]).put("room", "1" + slot).put("validFrom", "2026-09-01");
                }
                tt.putArray("changes");
                send("journal.timetables", "journal.timetable.changed.v1", classId, tt);
                List<String> roster = new ArrayList<>();
                for (int k = 0; k < 25; k++) {
                    String student = EventIds.next();
                    roster.add(student);
                    students.add(student);
                    classOfStudent.put(student, classId);
                    send("journal.students", "journal.student.registered.v1", student, json()
                            .put("studentId", student).put("externalId", "66-" + student.substring(24))
                            .put("lastName", "Иванова").put("firstName", "Анна").put("middleName", "Сергеевна")
                            .put("birthDate", "2013-04-17").put("version", 1).put("changedAt", now()));
                    send("journal.classes", "journal.enrolment.started.v1", classId, json()
                            .put("enrolmentId", classId + ":" + student + ":2026-09-01").put("classId", classId)
                            .put("schoolId", school).put("schoolYear", "2026/2027").put("studentId", student)
                            .put("from", "2026-09-01").put("version", 1).put("changedAt", now())
                            .put("changedBy", "admin"));
                    send("applications.access", "applications.access.granted.v1", student, json()
                            .put("accessId", EventIds.next()).put("guardianAccountId", guardian(student))
                            .put("studentId", student).put("schoolId", school).put("applicationId", EventIds.next())
                            .put("relation", "PARENT").put("from", "2026-09-01").put("changedAt", now())
                            .put("version", 1), "/applications-service");
                }
                classes.add(new ClassRef(classId, school, year, roster, timetable, teacherOf));
            }
        }
        producer.flush();
        return sent.get() - before;
    }

    /** Every school day of the term's first weeks: 6 lessons per class, their grades, absences, a few corrections. */
    long term(int weeks) {
        long before = sent.get();
        for (int day = 0; day < weeks * 7; day++) {
            LocalDate date = TERM_START.plusDays(day);
            if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (ClassRef c : classes) {
                for (int number = 1; number <= 6; number++) {
                    lesson(c, date, number);
                }
            }
        }
        producer.flush();
        return sent.get() - before;
    }

    private void lesson(ClassRef c, LocalDate date, int number) {
        int slot = (date.getDayOfWeek().getValue() - 1) * 6 + number - 1;
        String lessonId = EventIds.next();
        send("journal.lessons", "journal.lesson.recorded.v1", c.id(), json().put("lessonId", lessonId)
                .put("classId", c.id()).put("schoolId", c.schoolId()).put("subjectId", c.timetable()[slot])
                .put("teacherId", c.teachers()[slot]).put("date", date.toString()).put("lessonNumber", number)
                .put("kind", "LESSON").put("topic", "Тема урока " + number).put("status", "CONDUCTED")
                .put("version", 1).put("enteredAt", now()).put("changedAt", now()).put("changedBy", c.teachers()[slot])
                .set("homework", json().put("text", "§ " + (1 + random.nextInt(40)) + ", № " + random.nextInt(500))
                        .put("dueDate", date.plusDays(2).toString()).put("enteredAt", now())));
        for (String student : c.students()) {
            if (random.nextDouble() < 0.28) {
                ObjectNode grade = grade(c, student, lessonId, date, c.timetable()[slot]);
                grades("journal.grade.recorded.v1", grade);
                if (random.nextDouble() < 0.02) {
                    String value = grade.get("value").asString().equals("5") ? "4" : "5";
                    grades("journal.grade.corrected.v1", grade.deepCopy().put("previousValue",
                                    grade.get("value").asString()).put("value", value)
                            .put("numericValue", Integer.parseInt(value)).put("version", 2)
                            .put("correctedAt", now()).put("correctedBy", "teacher").put("reason", "Ошибка ввода"));
                }
            }
            if (random.nextDouble() < 0.045) {
                String[] reason = random.nextBoolean() ? new String[] {"ILLNESS", "Б"}
                        : random.nextBoolean() ? new String[] {"VALID", "У"} : new String[] {"UNEXCUSED", "Н"};
                send("journal.absences", "journal.absence.recorded.v1", student, json()
                        .put("absenceId", lessonId + ":" + student).put("studentId", student).put("lessonId", lessonId)
                        .put("lessonDate", date.toString()).put("lessonNumber", number).put("classId", c.id())
                        .put("schoolId", c.schoolId()).put("subjectId", c.timetable()[slot])
                        .put("reason", reason[0]).put("reasonCode", reason[1]).put("enteredAt", now())
                        .put("enteredBy", "teacher").put("version", 1));
            }
        }
    }

    private ObjectNode grade(ClassRef c, String student, String lessonId, LocalDate date, String subject) {
        double r = random.nextDouble();
        String value = r < 0.35 ? "5" : r < 0.75 ? "4" : r < 0.95 ? "3" : "2";
        boolean test = random.nextDouble() < 0.1;
        return json().put("gradeId", lessonId + ":" + student + ":1").put("studentId", student)
                .put("lessonId", lessonId).put("lessonDate", date.toString()).put("classId", c.id())
                .put("schoolId", c.schoolId()).put("subjectId", subject).put("value", value)
                .put("numericValue", Integer.parseInt(value)).put("scale", "five-point").put("weight", test ? 2 : 1)
                .put("kind", test ? "TEST" : "ORAL_ANSWER").put("enteredAt", now()).put("enteredBy", "teacher")
                .put("version", 1);
    }

    private void grades(String type, ObjectNode grade) {
        send("journal.grades", type, grade.get("studentId").asString(), grade);
    }

    // ---- 2. end to end under load

    void latency(int port, int loadRate, int probes) throws Exception {
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicLong loadSent = new AtomicLong();
        LocalDate day = TERM_START.plusWeeks(5);
        Thread load = Thread.ofPlatform().name("journal-load").start(() -> {
            long started = System.nanoTime();
            while (loading.get()) {
                ClassRef c = classes.get(random.nextInt(classes.size()));
                String lessonId = EventIds.next();
                for (String student : c.students()) {
                    grades("journal.grade.recorded.v1", grade(c, student, lessonId, day, c.timetable()[0]));
                    loadSent.incrementAndGet();
                }
                long due = started + loadSent.get() * 1_000_000_000L / loadRate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
        Thread.sleep(2_000);
        HttpClient http = HttpClient.newHttpClient();
        long[] latencies = new long[probes];
        long loadStart = loadSent.get();
        Instant start = Instant.now();
        for (int i = 0; i < probes; i++) {
            String student = students.get(random.nextInt(students.size()));
            ClassRef c = classes.stream().filter(x -> x.id().equals(classOfStudent.get(student))).findFirst()
                    .orElseThrow();
            String lessonId = EventIds.next();
            ObjectNode grade = grade(c, student, lessonId, day.plusDays(1), c.timetable()[6]);
            String bearer = TestTokens.guardian(guardian(student), student).bearer();
            long sentAt = System.nanoTime();
            producer.send(record("journal.grades", "journal.grade.recorded.v1", student, grade, "/journal-service"))
                    .get();
            String path = "/api/v1/students/" + student + "/week?date=" + day.plusDays(1);
            while (true) {
                HttpResponse<String> week = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + path)).header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (week.body().contains(lessonId)) {
                    break;
                }
                if (System.nanoTime() - sentAt > 60_000_000_000L) {
                    System.out.printf(Locale.ROOT, "end to end: probe %d not visible after 60 s: the diary does not "
                            + "keep up with %d events/s%n", i, loadRate);
                    loading.set(false);
                    load.join();
                    return;
                }
                Thread.sleep(5);
            }
            latencies[i] = System.nanoTime() - sentAt;
            Thread.sleep(50);
        }
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        loading.set(false);
        load.join();
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "end to end under load (%.0f journal events/s in the background): %d probe "
                        + "grades, broker ack -> visible in the week view: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                (loadSent.get() - loadStart) / seconds, probes, millis(latencies, 0.50), millis(latencies, 0.99),
                latencies[latencies.length - 1] / 1e6);
    }

    // ---- 3. reads

    void reads(int port, int readers, int seconds, int weeks) throws Exception {
        Map<String, String> tokens = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(4))
                .build();
        // warm up: the JIT and the reference caches
        readFor(http, port, tokens, readers, 5, weeks);
        long[][] result = readFor(http, port, tokens, readers, seconds, weeks);
        long[] all = Arrays.stream(result).flatMapToLong(Arrays::stream).sorted().toArray();
        long failures = all.length == 0 ? 0 : Arrays.stream(all).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(all).filter(l -> l >= 0).toArray();
        System.out.printf(Locale.ROOT, "reads: week view, %d client threads, %d s: %.0f reads/s, p50 %.1f ms, "
                        + "p99 %.1f ms, %d failed%n", readers, seconds, ok.length / (double) seconds,
                millis(ok, 0.50), millis(ok, 0.99), failures);
    }

    private long[][] readFor(HttpClient http, int port, Map<String, String> tokens, int readers, int seconds,
            int weeks) throws InterruptedException {
        long[][] latencies = new long[readers][];
        CountDownLatch done = new CountDownLatch(readers);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int r = 0; r < readers; r++) {
            int reader = r;
            Thread.ofPlatform().start(() -> {
                Random local = new Random(reader);
                long[] mine = new long[1 << 16];
                int n = 0;
                while (System.nanoTime() < end) {
                    String student = students.get(local.nextInt(students.size()));
                    String bearer = tokens.computeIfAbsent(student, s -> TestTokens.guardian(guardian(s), s)
                            .bearer());
                    LocalDate day = TERM_START.plusWeeks(local.nextInt(weeks));
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + port + "/api/v1/students/" + student + "/week?date=" + day))
                                .header("Authorization", bearer).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                        long t = System.nanoTime() - t0;
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = response.statusCode() == 200 ? t : -1;
                    } catch (IOException | InterruptedException e) {
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = -1;
                    }
                }
                latencies[reader] = Arrays.copyOf(mine, n);
                done.countDown();
            });
        }
        done.await();
        return latencies;
    }

    // ---- plumbing

    static void memory() throws IOException {
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        String rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                .findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        System.out.printf(Locale.ROOT, "memory (one JVM: broker, store, diary, clients): heap used %d MiB of %d MiB "
                + "committed, %s%n", heap.getUsed() >> 20, heap.getCommitted() >> 20, rss);
    }

    void awaitCaughtUp(String bootstrap, Duration timeout) throws Exception {
        List<String> topics = List.of("journal.schools", "journal.subjects", "journal.staff", "journal.students",
                "journal.classes", "journal.timetables", "journal.lessons", "journal.grades", "journal.absences",
                "journal.period-results", "applications.access");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var entry : admin.describeTopics(topics).allTopicNames().get().entrySet()) {
                entry.getValue().partitions().forEach(p -> latest.put(new TopicPartition(entry.getKey(),
                        p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
                if (caughtUp) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the diary did not catch up within " + timeout);
    }

    private void send(String topic, String type, String key, ObjectNode data) {
        send(topic, type, key, data, "/journal-service");
    }

    private void send(String topic, String type, String key, ObjectNode data, String source) {
        producer.send(record(topic, type, key, data, source));
        sent.incrementAndGet();
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String type, String key, ObjectNode data,
            String source) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                JSON.writeValueAsBytes(data));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", EventIds.next());
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_subject", key);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<byte[], byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static String guardian(String student) {
        return "guardian-of-" + student;
    }

    private static ObjectNode json() {
        return JSON.createObjectNode();
    }

    private static String now() {
        return Instant.now().toString();
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
