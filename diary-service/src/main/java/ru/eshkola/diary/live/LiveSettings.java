package ru.eshkola.diary.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code eshkola.diary.live.*}.
 *
 * @param pollInterval      how often the students' change streams are read for open live streams: the change may
 *                          have been consumed by another instance, so every instance looks (one {@code _id $in} read)
 * @param accessRecheck     how often the access of open guardian streams is read again: a revocation consumed by
 *                          another instance closes the stream within this time (on the consuming instance at once)
 * @param heartbeat         comment line sent to idle streams so that proxies keep them open
 * @param maxDuration       a stream ends after this; the client reconnects with a fresh token and Last-Event-ID
 */
@ConfigurationProperties("eshkola.diary.live")
public record LiveSettings(@DefaultValue("100ms") Duration pollInterval, @DefaultValue("1s") Duration accessRecheck,
        @DefaultValue("15s") Duration heartbeat, @DefaultValue("15m") Duration maxDuration) {
}
