package ru.eshkola.notification;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import ru.eshkola.kit.events.EventIds;
import ru.eshkola.kit.testing.TestInfrastructure;
import ru.eshkola.notification.mail.MailQueue;
import ru.eshkola.notification.mail.MailTemplate;
import ru.eshkola.notification.mail.OutgoingMail;
import ru.eshkola.notification.mail.Recipient;

/**
 * Mails per second through the whole outgoing path — queue document in the store, claim with a lease, Thymeleaf
 * rendering of both parts, SMTP conversation, marking SENT — to a real SMTP server (GreenMail, embedded; the server
 * deploy/local/run runs), with the service started as in production against the embedded broker and store. Prints
 * throughput, SMTP latency percentiles and memory; asserts nothing.
 *
 * <p>Usage: {@code MailBenchmark [mails, default 3000] [SMTP conversations at once, default 4]}; the send-rate limit
 * is lifted for the run (production keeps {@code MAIL_RATE_PER_SECOND}).
 */
public final class MailBenchmark {

    private MailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int port = SmtpGate.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        TestInfrastructure infrastructure = TestInfrastructure.get();
        ConfigurableApplicationContext service = null;
        try {
            // command-line arguments: above application.yml, as deployment values would be
            service = new SpringApplicationBuilder(NotificationApplication.class).run(
                    "--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    "--spring.mongodb.uri=" + infrastructure.mongoUri("notification-bench"),
                    "--spring.mail.port=" + port,
                    "--notification.mail.concurrency=" + concurrency,
                    "--notification.mail.batch-size=200",
                    "--notification.mail.rate.per-second=100000",
                    "--logging.level.root=WARN");
            MailQueue queue = service.getBean(MailQueue.class);
            MeterRegistry meters = service.getBean(MeterRegistry.class);
            warmUp(queue, smtp, 200);
            Timer smtpTimer = meters.get("eshkola.notification.smtp").timer();
            long smtpCallsBefore = smtpTimer.count();
            int before = smtp.getReceivedMessages().length;

            List<OutgoingMail> batch = mails(mails, "bench");
            long start = System.nanoTime();
            queue.enqueueAll(batch);
            long queued = System.nanoTime();
            while (smtp.getReceivedMessages().length < before + mails) {
                Thread.sleep(5);
            }
            long done = System.nanoTime();

            double total = (done - start) / 1e9;
            System.out.printf("mail benchmark: %d mails (maintenance notice, HTML + text, Cyrillic), %d SMTP "
                    + "conversations at once, GreenMail on loopback%n", mails, concurrency);
            System.out.printf("  queued in %.2f s (%.0f inserts/s, bulk)%n", (queued - start) / 1e9,
                    mails / ((queued - start) / 1e9));
            System.out.printf("  delivered in %.2f s: %.0f mails/s end to end%n", total, mails / total);
            System.out.printf("  SMTP calls %d; latency per conversation: ", smtpTimer.count() - smtpCallsBefore);
            for (ValueAtPercentile p : smtpTimer.takeSnapshot().percentileValues()) {
                System.out.printf("p%.0f %.1f ms  ", p.percentile() * 100, p.value(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            System.out.printf("mean %.1f ms%n", smtpTimer.mean(java.util.concurrent.TimeUnit.MILLISECONDS));
            System.gc();
            var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            System.out.printf("  memory: heap used after GC %d MiB (committed %d MiB), process RSS %s (service, "
                    + "broker, store and SMTP server in one JVM)%n", heap.getUsed() >> 20, heap.getCommitted() >> 20,
                    rss());
        } finally {
            if (service != null) {
                service.close();
            }
            smtp.stop();
            System.exit(0);
        }
    }

    private static void warmUp(MailQueue queue, GreenMail smtp, int count) throws InterruptedException {
        int before = smtp.getReceivedMessages().length;
        queue.enqueueAll(mails(count, "warm"));
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (smtp.getReceivedMessages().length < before + count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static List<OutgoingMail> mails(int count, String prefix) {
        String cause = EventIds.next();
        List<OutgoingMail> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> model = new java.util.LinkedHashMap<>(Map.of("recipientName", "Получатель " + i,
                    "dateText", "12.12.2026", "fromText", "12.12.2026 02:00", "toText", "12.12.2026 05:00",
                    "fromTime", "02:00", "toTime", "05:00", "durationText", "3 ч",
                    "zoneText", "Asia/Yekaterinburg, UTC+05:00", "scopeText", "все школы региона",
                    "reason", "Обновление программного обеспечения сервера"));
            model.put("announcedBy", "Управление образования Нижнетуринского городского округа");
            mails.add(new OutgoingMail(cause + ":notice", MailTemplate.MAINTENANCE_NOTICE,
                    new Recipient(null, prefix + i + "@bench.example.ru", "Получатель " + i), model, null,
                    "bench:" + cause));
        }
        return mails;
    }

    private static String rss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS"))
                    .map(l -> l.replaceAll("\\D+", "")).map(kb -> (Long.parseLong(kb) >> 10) + " MiB").findFirst()
                    .orElse("n/a");
        } catch (Exception e) {
            return "n/a";
        }
    }
}
