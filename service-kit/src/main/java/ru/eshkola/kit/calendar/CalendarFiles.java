package ru.eshkola.kit.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads production calendar years from YAML files ({@code <year>.yml}): first those shipped in
 * {@code classpath:production-calendar/}, then the operator's directory, whose files replace shipped years.
 */
public final class CalendarFiles {

    private static final Logger log = LoggerFactory.getLogger(CalendarFiles.class);

    private CalendarFiles() {
    }

    public static ProductionCalendar load(String operatorLocation) {
        Map<Integer, CalendarYear> years = new TreeMap<>();
        read("classpath*:production-calendar/*.yml", years);
        if (operatorLocation != null && !operatorLocation.isBlank()) {
            String folder = operatorLocation.endsWith("/") ? operatorLocation : operatorLocation + "/";
            read(folder + "*.yml", years);
        }
        log.info("production calendar years {} (others derived from ТК РФ ст. 112, provisional)", years.keySet());
        return new ProductionCalendar(years);
    }

    private static void read(String pattern, Map<Integer, CalendarYear> years) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    CalendarYear year = parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
                    years.put(year.year(), year);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("production calendar file " + resource + " is invalid: "
                            + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CalendarYear parse(Map<String, Object> yaml) {
        int year = ((Number) yaml.get("year")).intValue();
        return new CalendarYear(year, dates(yaml.get("nonWorkingDays")), dates(yaml.get("workingDays")),
                String.valueOf(yaml.getOrDefault("source", "")));
    }

    private static Set<LocalDate> dates(Object list) {
        Set<LocalDate> dates = new HashSet<>();
        if (list instanceof List<?> values) {
            for (Object value : values) {
                dates.add(value instanceof Date date ? date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(value.toString()));
            }
        }
        return dates;
    }
}
