package ru.eshkola.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;

class MailDeliveryTests {

    @Test
    void anUnreachableServerOrATemporaryRefusalIsTransient() {
        MailSendException down = new MailSendException("Mail server connection failed",
                new MessagingException("Could not connect", new ConnectException("Connection refused")));
        assertThat(MailDelivery.isTransient(down)).isTrue();
        assertThat(MailDelivery.isTransient(new MailAuthenticationException("bad credentials"))).isTrue();
        assertThat(MailDelivery.isTransient(new Reply(451))).isTrue();
    }

    @Test
    void aRefusedOrMalformedAddressAndAny5xxReplyArePermanent() throws Exception {
        SendFailedException refused = new SendFailedException("Invalid Addresses", null, new InternetAddress[0],
                new InternetAddress[0], new InternetAddress[] {new InternetAddress("x@example.ru")});
        assertThat(MailDelivery.isTransient(new MailSendException(Map.of(new Object(), refused)))).isFalse();
        assertThat(MailDelivery.isTransient(new MailSendException(Map.of(new Object(),
                new AddressException("Local address contains whitespace"))))).isFalse();
        assertThat(MailDelivery.isTransient(new MailSendException("rejected", new Reply(550)))).isFalse();
    }

    /** Like Angus's SMTP exceptions: a reply code through {@code getReturnCode()}. */
    static final class Reply extends MessagingException {

        private final int code;

        Reply(int code) {
            super(code + " reply");
            this.code = code;
        }

        public int getReturnCode() {
            return code;
        }
    }
}
