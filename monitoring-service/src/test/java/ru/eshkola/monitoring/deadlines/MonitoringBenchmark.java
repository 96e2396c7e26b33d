package ru.eshkola.monitoring.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.Document;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import ru.eshkola.monitoring.MonitoringApplication;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.AbsenceChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.GradeChanged;
import ru.eshkola.monitoring.deadlines.JournalEntryEvents.LessonChanged;

/**
 * The scale benchmark of issue 7 (prints figures, asserts nothing): a region of 100 000 students (200 schools × 20
 * classes × 25 students) over the second quarter (8 weeks, 39 school days).
 *
 * <ol>
 * <li>Incremental: entry events handed straight to the service's own handling ({@link Entries}: deadline read and
 * write, counters {@code $inc}, violations), in the running service against the embedded store, from several
 * threads. Kafka and the consumer's deduplication record are not in the path.</li>
 * <li>Full recompute in memory: every fact of the region's term (≈ 8 million deadlines) summed into day counters
 * by the rebuild's own aggregator.</li>
 * <li>Full recompute from the store: {@link CountRebuild#rebuild()} over the deadlines the incremental run wrote.</li>
 * </ol>
 *
 * <pre>./mvnw -B -o -pl monitoring-service test-compile exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=ru.eshkola.monitoring.deadlines.MonitoringBenchmark -Dexec.args="300000 4"</pre>
 * (arguments: incremental events, threads).
 */
public final class MonitoringBenchmark {

    static final int SCHOOLS = 200;
    static final int CLASSES = 20;
    static final int STUDENTS = 25;
    static final int LESSONS_A_DAY = 6;
    static final LocalDate TERM_START = LocalDate.of(2026, 11, 2);
    static final LocalDate TERM_END = LocalDate.of(2026, 12, 25);
    static final ZoneId ZONE = ZoneId.of("Asia/Yekaterinburg");

    private MonitoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<LocalDate> days = schoolDays();
        System.out.printf(Locale.ROOT, "region: %d schools, %d classes, %d students; term %s..%s, %d school days%n",
                SCHOOLS, SCHOOLS * CLASSES, SCHOOLS * CLASSES * STUDENTS, TERM_START, TERM_END, days.size());

        inMemoryRecompute(days);

        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(MonitoringApplication.class)
                .initializers(LocalStore.initializer())
                .properties("server.port=0", "spring.cloud.function.definition=", "logging.level.root=WARN",
                        "eshkola.monitoring.deadlines.materialise-initial-delay=1d",
                        "eshkola.monitoring.indicators.gauge-refresh=1d")
                .run()) {
            MongoTemplate mongo = service.getBean(MongoTemplate.class);
            for (int s = 0; s < SCHOOLS; s++) {
                mongo.getCollection("schools").insertOne(new Document("_id", school(s)).append("code", "b" + s)
                        .append("name", "Школа " + s).append("shortName", "Школа " + s)
                        .append("municipalityId", "m" + (s / 20)).append("municipalityName", "Округ " + (s / 20))
                        .append("timeZone", ZONE.getId()).append("platform", "eshkola"));
            }
            incremental(service.getBean(Entries.class), days, events, threads);
            long count = mongo.getCollection("deadlines").countDocuments();
            CountRebuild.Result rebuilt = service.getBean(CountRebuild.class).rebuild();
            double perSecond = count * 1000.0 / Math.max(1, rebuilt.readMillis() + rebuilt.writeMillis());
            System.out.printf(Locale.ROOT, "recompute from the store: %d deadlines -> %d day documents in %d ms "
                    + "(read+sum %d ms, write %d ms): %.0f deadlines/s%n", count, rebuilt.documents(),
                    rebuilt.readMillis() + rebuilt.writeMillis(), rebuilt.readMillis(), rebuilt.writeMillis(),
                    perSecond);
            Runtime runtime = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "heap used %d MiB (max %d MiB)%n",
                    (runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.maxMemory() >> 20);
        }
        System.exit(0);
    }

    static String school(int s) {
        return "bench-school-" + s;
    }

    static String classOf(int s, int c) {
        return "bench-class-" + s + "-" + c;
    }

    static List<LocalDate> schoolDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = TERM_START; !d.isAfter(TERM_END); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !d.equals(LocalDate.of(2026, 11, 4))) {
                days.add(d);
            }
        }
        return days;
    }

    /** Every fact of the term for the whole region, summed by the rebuild's aggregator. */
    static void inMemoryRecompute(List<LocalDate> days) {
        SplittableRandom random = new SplittableRandom(2026);
        for (int round = 1; round <= 2; round++) { // the first round warms the JIT
            CountRebuild.Aggregator aggregator = new CountRebuild.Aggregator(id -> ZONE);
            long facts = 0;
            long started = System.nanoTime();
            for (int s = 0; s < SCHOOLS; s++) {
                String school = school(s);
                for (int c = 0; c < CLASSES; c++) {
                    String classId = classOf(s, c);
                    for (LocalDate day : days) {
                        String iso = day.toString();
                        Instant morning = day.atTime(12, 0).atZone(ZONE).toInstant();
                        for (int lesson = 0; lesson < LESSONS_A_DAY; lesson++) {
                            aggregator.add(school, classId, Rule.LESSON_TOPIC, iso, state(random, 95, 4), morning);
                            aggregator.add(school, classId, Rule.HOMEWORK, iso, state(random, 90, 10), morning);
                            for (int g = 0; g < 4; g++) {
                                aggregator.add(school, classId, Rule.GRADE_ENTRY, iso, state(random, 93, 7),
                                        morning.plusSeconds(86_400L * random.nextInt(7)));
                            }
                            facts += 6;
                            if (random.nextInt(2) == 0) {
                                aggregator.add(school, classId, Rule.ABSENCE_ENTRY, iso, state(random, 90, 10),
                                        morning);
                                facts++;
                            }
                        }
                    }
                    for (int st = 0; st < STUDENTS * 10; st++) { // every student in 10 subjects
                        aggregator.add(school, classId, Rule.PERIOD_RESULT, TERM_END.toString(),
                                state(random, 90, 8), TERM_END.atStartOfDay(ZONE).toInstant());
                    }
                    facts += STUDENTS * 10;
                    for (int w = 0; w < 8; w++) {
                        aggregator.add(school, classId, Rule.TIMETABLE, TERM_START.plusWeeks(w).toString(),
                                state(random, 98, 2), null);
                    }
                    facts += 8;
                }
            }
            long summed = System.nanoTime();
            int documents = aggregator.documents().size();
            long done = System.nanoTime();
            if (round == 2) {
                System.out.printf(Locale.ROOT, "recompute in memory: %,d facts -> %,d day documents in %d ms "
                        + "(sum %d ms, documents %d ms): %.1f M facts/s on 1 thread%n", facts, documents,
                        (done - started) / 1_000_000, (summed - started) / 1_000_000, (done - summed) / 1_000_000,
                        facts / ((done - started) / 1e9) / 1e6);
            }
        }
    }

    private static DeadlineState state(SplittableRandom random, int onTimePercent, int latePercent) {
        int r = random.nextInt(100);
        return r < onTimePercent ? DeadlineState.MET : r < onTimePercent + latePercent ? DeadlineState.LATE
                : DeadlineState.MISSING;
    }

    /** Entry events through the service's own handling, from several threads; latency per event. */
    static void incremental(Entries entries, List<LocalDate> days, int events, int threads) throws Exception {
        int warmup = Math.min(20_000, events / 10);
        run(entries, days, warmup, threads, 1);
        long[] latencies = new long[events];
        long started = System.nanoTime();
        run(entries, days, events, threads, 2, latencies);
        long elapsed = System.nanoTime() - started;
        Arrays.sort(latencies);
        System.out.printf(Locale.ROOT, "incremental: %,d entry events (60 %% grades, 25 %% absences, 15 %% lessons) "
                + "from %d threads in %.1f s: %.0f events/s, latency p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                events, threads, elapsed / 1e9, events / (elapsed / 1e9), latencies[events / 2] / 1e6,
                latencies[(int) (events * 0.99)] / 1e6, latencies[events - 1] / 1e6);
    }

    private static void run(Entries entries, List<LocalDate> days, int events, int threads, long seed)
            throws Exception {
        run(entries, days, events, threads, seed, new long[events]);
    }

    private static void run(Entries entries, List<LocalDate> days, int events, int threads, long seed,
            long[] latencies) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom random = new SplittableRandom(seed * 1_000 + t);
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < events; i = next.getAndIncrement()) {
                    long start = System.nanoTime();
                    one(entries, days, random, seed + ":" + i);
                    latencies[i] = System.nanoTime() - start;
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }

    private static void one(Entries entries, List<LocalDate> days, SplittableRandom random, String id) {
        int s = random.nextInt(SCHOOLS);
        int c = random.nextInt(CLASSES);
        LocalDate day = days.get(random.nextInt(days.size()));
        String school = school(s);
        String classId = classOf(s, c);
        String student = classId + "-s" + random.nextInt(STUDENTS);
        Instant entered = day.atTime(13, 0).atZone(ZONE).toInstant().plusSeconds(random.nextInt(8) * 86_400L);
        int kind = random.nextInt(100);
        if (kind < 60) {
            entries.grade(new GradeChanged("g" + id, student, "l" + id, day, classId, school, "maths", entered,
                    "teacher", 1, null), false);
        } else if (kind < 85) {
            entries.absence(new AbsenceChanged("a" + id, student, "l" + id, day, classId, school, "maths", entered,
                    "teacher", 1, null), false);
        } else {
            entries.lesson(new LessonChanged("l" + id, classId, school, "maths", "teacher", null, day,
                    1 + random.nextInt(LESSONS_A_DAY), null, "LESSON", "Тема", entered, null, "CONDUCTED", 1,
                    entered, entered.atOffset(ZoneOffset.UTC).toInstant()));
        }
    }
}
