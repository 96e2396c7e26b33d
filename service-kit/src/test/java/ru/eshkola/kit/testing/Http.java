package ru.eshkola.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A plain HTTP client for integration tests: real requests through the servlet container, no mocks. A copy made by
 * {@link #withToken} sends that bearer token with every request, including those built with {@link #request}.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public Http(String base) {
        this(base, null);
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http local(int port) {
        return new Http("http://localhost:" + port);
    }

    /** The same client, sending {@code Authorization: Bearer <token>}. */
    public Http withToken(TestTokens.Token token) {
        return withAuthorization(token.bearer());
    }

    /** The same client, sending this {@code Authorization} header value (e.g. a raw "Bearer ..." or garbage). */
    public Http withAuthorization(String authorizationHeader) {
        return new Http(base, authorizationHeader);
    }

    /** The same client, without an {@code Authorization} header. */
    public Http anonymous() {
        return new Http(base, null);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }
}
