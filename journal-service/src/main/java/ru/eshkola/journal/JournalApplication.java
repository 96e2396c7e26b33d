package ru.eshkola.journal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Electronic class journal (ЭЖ): the teachers' system of record for lessons, grades, absences, period results, timetables and the roster. */
@SpringBootApplication
public class JournalApplication {

    public static void main(String[] args) {
        SpringApplication.run(JournalApplication.class, args);
    }
}
