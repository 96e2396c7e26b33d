package ru.eshkola.notification.mail;

import java.io.UnsupportedEncodingException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Hands one rendered mail to the mail server, guarded by Resilience4j, used programmatically so that the order is
 * visible here: the in-call retry (a dropped connection is tried again at once) wraps the rate limiter (each try
 * takes a permit), which wraps the circuit breaker (a server that keeps failing is not called at all for a while),
 * which wraps the SMTP call (timed). Mails of one round share a connection per sender thread. Only transient failures — the server unreachable, timing out, answering 4xx —
 * count against the breaker and are retried; a permanent refusal (5xx, a malformed or refused address) is final.
 */
@Component
class MailDelivery {

    /** How a try ended when it did not end with the server accepting the mail. */
    enum Failure {
        /** try again later (server down, timeout, 4xx) */
        TRANSIENT,
        /** never going to work (address refused, 5xx, malformed) */
        PERMANENT,
        /** not tried: the breaker is open or no send permit came in time */
        NOT_TRIED
    }

    static final class DeliveryException extends Exception {

        private final Failure failure;

        DeliveryException(Failure failure, Throwable cause) {
            super(cause);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    private final JavaMailSender mailSender;
    private final MailSettings settings;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final RateLimiter limiter;
    private final Timer smtp;

    MailDelivery(JavaMailSender mailSender, MailSettings settings, MeterRegistry meters) {
        this.mailSender = mailSender;
        this.settings = settings;
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.breaker().failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.breaker().window())
                .minimumNumberOfCalls(settings.breaker().minimumCalls())
                .waitDurationInOpenState(settings.breaker().openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .recordException(MailDelivery::isTransient)
                .build());
        this.breaker = breakers.circuitBreaker("smtp");
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(settings.attempts().inCallRetries() + 1)
                .waitDuration(settings.attempts().inCallWait())
                .retryOnException(e -> !(e instanceof CallNotPermittedException) && !(e instanceof RequestNotPermitted)
                        && isTransient(e))
                .build());
        this.retry = retries.retry("smtp");
        RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(settings.rate().perSecond())
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(settings.rate().timeout())
                .build());
        this.limiter = limiters.rateLimiter("smtp");
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
        TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(meters);
        this.smtp = Timer.builder("eshkola.notification.smtp")
                .description("One SMTP conversation handing a mail to the server (connect to accepted)")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    /** Whether the breaker currently refuses calls (the sender then claims nothing). */
    boolean refusing() {
        return breaker.getState() == CircuitBreaker.State.OPEN || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
    }

    Duration openFor() {
        return settings.breaker().openFor();
    }

    /**
     * One SMTP connection for several mails in a row (the handshake — connect, greeting, EHLO, STARTTLS, AUTH — is
     * most of a conversation's cost). Opened on the first send, reopened after a failure, closed by the caller.
     */
    final class Connection implements AutoCloseable {

        private Transport transport;
        private long lastUse;

        private Transport transport() throws MessagingException {
            // a connection used within the last seconds is trusted; an older one is checked (NOOP) before reuse
            boolean fresh = transport != null && System.nanoTime() - lastUse < 5_000_000_000L;
            if (!fresh && (transport == null || !transport.isConnected())) {
                close();
                if (!(mailSender instanceof JavaMailSenderImpl impl)) {
                    return null;
                }
                Transport opened = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp"
                        : impl.getProtocol());
                opened.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
                transport = opened;
            }
            return transport;
        }

        private void deliver(MimeMessage mime) throws MessagingException {
            Transport open = transport();
            if (open == null) {
                mailSender.send(mime);
                return;
            }
            try {
                if (mime.getSentDate() == null) {
                    mime.setSentDate(new java.util.Date());
                }
                mime.saveChanges();
                open.sendMessage(mime, mime.getAllRecipients());
                lastUse = System.nanoTime();
            } catch (MessagingException | RuntimeException e) {
                close(); // the conversation is in an unknown state: the next try starts a new one
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException ignored) {
                    // already gone
                }
                transport = null;
            }
        }
    }

    Connection connection() {
        return new Connection();
    }

    void send(Connection connection, String messageId, String to, String name, RenderedMail mail,
            Map<String, String> headers) throws DeliveryException {
        MimeMessage mime = prepare(messageId, to, name, mail, headers);
        CheckedRunnable call = () -> smtp.recordCallable(() -> {
            connection.deliver(mime);
            return null;
        });
        CheckedRunnable guarded = Retry.decorateCheckedRunnable(retry,
                RateLimiter.decorateCheckedRunnable(limiter,
                        CircuitBreaker.decorateCheckedRunnable(breaker, call)));
        try {
            guarded.run();
        } catch (CallNotPermittedException | RequestNotPermitted e) {
            throw new DeliveryException(Failure.NOT_TRIED, e);
        } catch (Throwable e) {
            throw new DeliveryException(isTransient(e) ? Failure.TRANSIENT : Failure.PERMANENT, e);
        }
    }

    private MimeMessage prepare(String messageId, String to, String name, RenderedMail mail,
            Map<String, String> headers) throws DeliveryException {
        try {
            MimeMessage mime = mailSender instanceof JavaMailSenderImpl impl
                    ? new StableIdMessage(impl.getSession(), messageId, domain(settings.from()))
                    : mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom(new InternetAddress(settings.from(), settings.fromName(), "UTF-8"));
            helper.setTo(new InternetAddress(to, name, "UTF-8"));
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            for (var header : headers.entrySet()) {
                mime.setHeader(header.getKey(), header.getValue());
            }
            return mime;
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            throw new DeliveryException(Failure.PERMANENT, e);
        }
    }

    private static String domain(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "eshkola.local" : address.substring(at + 1);
    }

    /**
     * Transient: the server could not be reached or answered 4xx. Permanent: a malformed message or address, an
     * address the server refused, any 5xx reply.
     */
    static boolean isTransient(Throwable error) {
        if (error instanceof MailParseException || error instanceof MailPreparationException) {
            return false;
        }
        if (error instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            return send.getFailedMessages().values().stream().allMatch(MailDelivery::isTransientCause);
        }
        if (error instanceof MailException) {
            return isTransientCause(error);
        }
        return isTransientCause(error);
    }

    private static boolean isTransientCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AddressException) {
                return false;
            }
            if (cause instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return false;
            }
            Integer code = replyCode(cause);
            if (code != null && code >= 500) {
                return false;
            }
        }
        return true;
    }

    /** The SMTP reply code of Angus's SMTP exceptions, without compiling against the implementation. */
    private static Integer replyCode(Throwable error) {
        try {
            Method method = error.getClass().getMethod("getReturnCode");
            Object code = method.invoke(error);
            return code instanceof Integer value && value > 0 ? value : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /**
     * Keeps the Message-ID derived from the message id: should a mail ever go out twice (accepted, then the process
     * died before recording it), both copies carry the same Message-ID and mail clients show one.
     */
    private static final class StableIdMessage extends MimeMessage {

        private final String id;

        StableIdMessage(Session session, String messageId, String domain) {
            super(session);
            this.id = "<" + messageId + "@" + domain + ">";
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
