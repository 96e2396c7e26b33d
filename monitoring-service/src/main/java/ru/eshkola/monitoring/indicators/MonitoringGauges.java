package ru.eshkola.monitoring.indicators;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.eshkola.monitoring.deadlines.Rule;
import ru.eshkola.monitoring.schools.SchoolCalendar;

/**
 * Per-school gauges for Prometheus and Grafana: {@code eshkola_monitoring_on_time_ratio{school,rule}} over the last
 * {@code gauge-window} and {@code eshkola_monitoring_open_violations{school}}. One series per school (and rule): the
 * schools of a region are a few hundred to a few thousand, which Prometheus carries easily; classes and teachers
 * are deliberately not labels.
 */
@Component
class MonitoringGauges {

    private static final Logger log = LoggerFactory.getLogger(MonitoringGauges.class);

    private final Indicators indicators;
    private final IndicatorSettings settings;
    private final MultiGauge onTime;
    private final MultiGauge open;

    MonitoringGauges(Indicators indicators, IndicatorSettings settings, MeterRegistry meters) {
        this.indicators = indicators;
        this.settings = settings;
        this.onTime = MultiGauge.builder("eshkola.monitoring.on.time.ratio")
                .description("Share of the entries due in the window that were entered on time").register(meters);
        this.open = MultiGauge.builder("eshkola.monitoring.open.violations")
                .description("Violations still open whose deadline fell in the window").register(meters);
    }

    @Scheduled(fixedDelayString = "${eshkola.monitoring.indicators.gauge-refresh}", initialDelay = 15_000)
    void scheduled() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("refreshing the monitoring gauges failed: {}", e.toString());
        }
    }

    void refresh() {
        LocalDate to = indicators.today();
        LocalDate from = to.minusDays(Math.max(1, settings.gaugeWindow().toDays()) - 1);
        List<SchoolCalendar> schools = indicators.schoolsOf(Indicators.Scope.REGION, null);
        List<IndicatorReport> reports = indicators.perSchool(schools, from, to);
        List<MultiGauge.Row<?>> ratios = new ArrayList<>();
        List<MultiGauge.Row<?>> violations = new ArrayList<>();
        for (IndicatorReport school : reports) {
            for (Map.Entry<Rule, IndicatorReport.Timeliness> rule : school.timeliness().entrySet()) {
                Double share = rule.getValue().onTimeShare();
                if (share != null) {
                    ratios.add(MultiGauge.Row.of(Tags.of("school", school.id(), "rule", rule.getKey().name()),
                            share));
                }
            }
            violations.add(MultiGauge.Row.of(Tags.of("school", school.id()), school.violations()));
        }
        onTime.register(ratios, true);
        open.register(violations, true);
    }
}
