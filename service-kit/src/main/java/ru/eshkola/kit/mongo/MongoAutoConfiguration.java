package ru.eshkola.kit.mongo;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Calendar dates (lesson dates, due dates, birth dates, periods) are stored as ISO strings. Spring Data's default
 * stores a LocalDate as a timestamp at midnight of the JVM's time zone, so instances running in different zones
 * would read another day back; a string is the same day everywhere and still compares correctly in range queries.
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
public class MongoAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoCustomConversions mongoCustomConversions() {
        return new MongoCustomConversions(List.of(new DateToText(), new TextToDate()));
    }

    @WritingConverter
    static final class DateToText implements Converter<LocalDate, String> {

        @Override
        public String convert(LocalDate source) {
            return source.toString();
        }
    }

    @ReadingConverter
    static final class TextToDate implements Converter<String, LocalDate> {

        @Override
        public LocalDate convert(String source) {
            return LocalDate.parse(source);
        }
    }
}
