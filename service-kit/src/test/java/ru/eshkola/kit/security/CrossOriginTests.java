package ru.eshkola.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.CorsFilter;

class CrossOriginTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private MockHttpServletResponse preflight(CorsFilter filter, String origin, MockFilterChain chain)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("OPTIONS", "/api/v1/things");
        request.setServerName("diary.example");
        request.addHeader("Origin", origin);
        request.addHeader("Access-Control-Request-Method", "GET");
        request.addHeader("Access-Control-Request-Headers", "authorization");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }

    @Test
    void withoutConfiguredOriginsEveryCrossOriginPreflightIsRefusedWithAProblem() throws Exception {
        CorsFilter filter = CrossOrigin.filter(List.of(""), new Denials(meters));

        MockHttpServletResponse response = preflight(filter, "https://dnevnik.example", new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("urn:eshkola:problem:forbidden").contains("\"cors\"");
        assertThat(response.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(meters.counter("eshkola.security.denied", "reason", "cors").count()).isEqualTo(1);
    }

    @Test
    void aConfiguredOriginMaySendTheBearerTokenButNoCookies() throws Exception {
        CorsFilter filter = CrossOrigin.filter(List.of("https://dnevnik.example"), new Denials(meters));

        MockHttpServletResponse allowed = preflight(filter, "https://dnevnik.example", new MockFilterChain());
        MockHttpServletResponse other = preflight(filter, "https://evil.example", new MockFilterChain());

        assertThat(allowed.getStatus()).isEqualTo(200);
        assertThat(allowed.getHeader("Access-Control-Allow-Origin")).isEqualTo("https://dnevnik.example");
        assertThat(allowed.getHeader("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(allowed.getHeader("Access-Control-Allow-Credentials")).isNull();
        assertThat(other.getStatus()).isEqualTo(403);
    }

    @Test
    void aRequestWithoutOriginIsNoCorsMatterAndPassesOn() throws Exception {
        CorsFilter filter = CrossOrigin.filter(List.of(), new Denials(meters));
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
    }
}
