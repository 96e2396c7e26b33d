package ru.eshkola.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import ru.eshkola.kit.testing.TestTokens;

/**
 * What validating a bearer token costs a service per request (JWKS cached): parse, RS256 signature, claim checks,
 * revocation lookup, and the {@link Caller} mapping. Prints figures; asserts nothing.
 *
 * <pre>{@code
 * ./mvnw -B -o -q -pl service-kit test-compile
 * CP=$(./mvnw -B -o -q -pl service-kit dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
 * java -cp service-kit/target/test-classes:service-kit/target/classes:$CP ru.eshkola.kit.security.TokenValidationBenchmark
 * }</pre>
 */
public final class TokenValidationBenchmark {

    private TokenValidationBenchmark() {
    }

    public static void main(String[] args) {
        int tokens = 2_000;
        int rounds = 20_000;
        TokenRevocations revocations = new TokenRevocations(null, Duration.ofSeconds(2), Duration.ofDays(1),
                Clock.systemUTC());
        for (int i = 0; i < 10_000; i++) {
            revocations.remember("blocked-" + i, java.time.Instant.now()); // a busy day of blocked accounts
        }
        AccessTokenDecoder decoder = new AccessTokenDecoder(TestTokens.jwkSetUri(), new TokenChecks(
                TestTokens.issuer(), TestTokens.AUDIENCE, Duration.ofSeconds(30), revocations, Clock.systemUTC()));
        List<String> encoded = IntStream.range(0, tokens).mapToObj(i -> TestTokens.teacher("staff-" + i, "school-1",
                "5a/math", "6b/physics", "7c/chemistry").encoded()).toList();

        for (int i = 0; i < 5_000; i++) { // warm-up
            Caller.of(decoder.decode(encoded.get(i % tokens)));
        }
        long[] nanos = new long[rounds];
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            Caller.of(decoder.decode(encoded.get(i % tokens)));
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long heapAfter = runtime.totalMemory() - runtime.freeMemory();
        Arrays.sort(nanos);
        System.out.printf("token validation, 1 thread, %d tokens (%d chars each), %d validations%n", tokens,
                encoded.getFirst().length(), rounds);
        System.out.printf("  throughput %.0f tokens/s%n", rounds / seconds);
        System.out.printf("  latency p50 %.1f us, p99 %.1f us, max %.1f us%n", nanos[rounds / 2] / 1e3,
                nanos[(int) (rounds * 0.99)] / 1e3, nanos[rounds - 1] / 1e3);
        System.out.printf("  heap growth during the run ~%d KB (10 000 revocations held in memory)%n",
                Math.max(0, heapAfter - heapBefore) / 1024);
        System.out.printf("  JWKS fetched %d time(s)%n", TestTokens.jwksRequests());
        System.exit(0);
    }
}
