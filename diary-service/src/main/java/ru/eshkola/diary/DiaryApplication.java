package ru.eshkola.diary;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Electronic diary (ЭД): the per-student read model for students and parents, built only from events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DiaryApplication {

    public static void main(String[] args) {
        SpringApplication.run(DiaryApplication.class, args);
    }
}
