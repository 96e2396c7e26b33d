package ru.eshkola.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.SecurityConventions;
import ru.eshkola.kit.testing.ServiceIntegrationTest;
import ru.eshkola.kit.testing.TestTokens;

/**
 * The issuer (applications-service) is down when the service starts: the service starts anyway, refuses tokens
 * (401, it cannot check them) and accepts them once the issuer's keys can be fetched.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "eshkola.security.enabled=true")
class JwksOutageIT {

    private static final int JWKS_PORT = freePort();
    private static HttpServer issuer;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuerNotRunningYet(DynamicPropertyRegistry registry) {
        registry.add("eshkola.security.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + JWKS_PORT + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stopIssuer() {
        if (issuer != null) {
            issuer.stop(0);
        }
    }

    @Test
    void theServiceStartsWithoutTheIssuerRefusesTokensThenAcceptsThemOnceItIsUp() throws IOException {
        Http http = Http.local(port);
        assertThat(http.get("/actuator/health/readiness").statusCode()).as("started and ready").isEqualTo(200);
        TestTokens.Token token = TestTokens.guardian("acc-1", "s-1");

        HttpResponse<String> refused = http.withToken(token).get("/secured/me");
        SecurityConventions.assertUnauthorized(refused, "while the issuer's keys cannot be fetched");
        assertThat(refused.body()).contains("\"reason\":\"keys_unavailable\"");

        issuer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), JWKS_PORT), 0);
        issuer.createContext("/.well-known/jwks.json", exchange -> {
            byte[] body = TestTokens.jwkSet().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        issuer.start();

        // the fetch is retried on the next request, at most twice per rate-limit window
        Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.withToken(token).get("/secured/me").statusCode()).isEqualTo(200));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
