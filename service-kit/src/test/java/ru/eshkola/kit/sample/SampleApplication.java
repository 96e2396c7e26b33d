package ru.eshkola.kit.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A minimal service used only to test the kit: it owns "tickets", publishes {@code sample.ticket.opened.v1}
 * through the outbox and consumes its own topic the way another service would.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
