package ru.eshkola.kit.calendar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The production calendar; {@code eshkola.calendar.location} names an operator's directory of year files. */
@AutoConfiguration
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProductionCalendar productionCalendar(@Value("${eshkola.calendar.location:}") String location) {
        return CalendarFiles.load(location);
    }
}
