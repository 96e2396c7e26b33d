package ru.eshkola.diary.access;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.diary.access.*}.
 *
 * @param zone               the region's time zone: the calendar day on which an access grant starts and ends
 * @param auditFlushInterval how often the access audit's buffered entries are written (one insert for all)
 * @param auditQueueCapacity entries waiting for the next write; beyond it a read waits for the write (never dropped)
 */
@ConfigurationProperties("eshkola.diary.access")
public record AccessSettings(@DefaultValue("Asia/Yekaterinburg") ZoneId zone,
        @DefaultValue("200ms") Duration auditFlushInterval, @DefaultValue("20000") int auditQueueCapacity) {
}
