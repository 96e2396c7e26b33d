package ru.eshkola.applications.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class SignInThrottleTests {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(15);

    @Test
    void theFifthFailureLocksOutAndEachFurtherOneDoublesTheLockUpToTheMaximum() {
        assertThat(SignInThrottle.lockout(4, 5, FIRST, MAX)).isZero();
        assertThat(SignInThrottle.lockout(5, 5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.lockout(6, 5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(60));
        assertThat(SignInThrottle.lockout(7, 5, FIRST, MAX)).isEqualTo(Duration.ofSeconds(120));
        assertThat(SignInThrottle.lockout(10, 5, FIRST, MAX)).isEqualTo(MAX);
        assertThat(SignInThrottle.lockout(500, 5, FIRST, MAX)).isEqualTo(MAX);
    }
}
