package ru.eshkola.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ru.eshkola.kit.testing.Http;
import ru.eshkola.kit.testing.TestTokens;

/**
 * A service started from its built jar as a separate JVM, the way the platform runs it: so that a test can stop
 * it, kill it with SIGKILL, or let it crash, and start it again.
 */
final class ServiceProcess implements AutoCloseable {

    private static int started;

    private final String name;
    private final Process process;
    private final Path log;
    private final Http http;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.http = new Http("http://127.0.0.1:" + port);
    }

    static Path root() {
        return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    }

    /** Starts {@code <service>-service/target/<service>-service.jar} with the given Spring properties. */
    static ServiceProcess start(String service, Map<String, String> properties) {
        Path jar = root().resolve(service + "-service/target/" + service + "-service.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; the reactor builds it before this module");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar",
                jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path logs = Files.createDirectories(Path.of("target", "platform-it"));
            Path log = logs.resolve(service + "-" + (++started) + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(service, process, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ServiceProcess awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting:\n"
                        + tail());
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return this;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " is not healthy after " + timeout + ":\n" + tail());
    }

    HttpResponse<String> get(String path) {
        return http.get(path);
    }

    HttpResponse<String> post(String path, String json) {
        return http.post(path, json);
    }

    /** With an access token, for a service that checks them. */
    HttpResponse<String> post(String path, String json, TestTokens.Token token) {
        return http.withToken(token).post(path, json);
    }

    /** Waits for the process to end by itself, e.g. after a simulated crash, and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " is still running after " + timeout + ":\n" + tail());
        }
        return process.exitValue();
    }

    /** SIGTERM, as an orchestrator stops a service. */
    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** SIGKILL: no shutdown hooks, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
