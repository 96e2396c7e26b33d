package ru.eshkola.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The real SMTP server of the tests: GreenMail (the server deploy/local/run runs standalone), embedded, started once
 * per test JVM, reached through the {@link SmtpGate}. Reads delivered mails back as a mail client would: recipients,
 * the decoded subject, the decoded plain text and HTML parts.
 */
public final class TestMail {

    private static GreenMail server;
    private static SmtpGate gate;

    private TestMail() {
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(SmtpGate.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
            server.start();
            gate = new SmtpGate(server.getSmtp().getPort());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "greenmail-stop"));
        }
    }

    public static SmtpGate gate() {
        start();
        return gate;
    }

    /** Every mail delivered to the address so far. */
    public static List<MimeMessage> to(String address) {
        start();
        return Arrays.stream(server.getReceivedMessages()).filter(m -> addressedTo(m, address)).toList();
    }

    /** Waits until {@code count} mails were delivered to the address, and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> to(address).size() >= count);
        return to(address);
    }

    public static MimeMessage awaitOne(String address) {
        return await(address, 1).getFirst();
    }

    private static boolean addressedTo(MimeMessage message, String address) {
        try {
            var recipients = message.getRecipients(Message.RecipientType.TO);
            return recipients != null && Arrays.stream(recipients)
                    .anyMatch(r -> r.toString().toLowerCase().contains(address.toLowerCase()));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(MimeMessage message) {
        return part(message, "text/plain");
    }

    public static String html(MimeMessage message) {
        return part(message, "text/html");
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, ",");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Points the service at the gate, with retry and breaker timings short enough for tests. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> mail = new HashMap<>();
            mail.put("spring.mail.host", "127.0.0.1");
            mail.put("spring.mail.port", gate().port());
            mail.put("notification.mail.poll-interval", "100ms");
            mail.put("notification.mail.attempts.max", "4");
            mail.put("notification.mail.attempts.backoff", "300ms");
            mail.put("notification.mail.attempts.max-backoff", "1s");
            mail.put("notification.mail.attempts.in-call-wait", "50ms");
            mail.put("notification.mail.breaker.open-for", "1s");
            mail.put("notification.mail.rate.per-second", "20");
            mail.put("notification.digests.check-interval", "200ms");
            mail.put("notification.maintenance.announce-retry", "1s");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-mail", mail));
        }
    }
}
