package ru.eshkola.notification.digests;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param checkInterval how often digests whose hour has come are looked for
 * @param retention     how long flushed digests are kept (they tell a late or replayed item that it was mailed)
 */
@ConfigurationProperties("notification.digests")
@Validated
public record DigestSettings(@DefaultValue("30s") @NotNull Duration checkInterval,
        @DefaultValue("30d") @NotNull Duration retention) {
}
