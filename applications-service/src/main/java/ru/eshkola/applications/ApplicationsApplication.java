package ru.eshkola.applications;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Registers of applications, consents, refusals, complaints and accounts; the platform's sign-in point. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ApplicationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ApplicationsApplication.class, args);
    }
}
