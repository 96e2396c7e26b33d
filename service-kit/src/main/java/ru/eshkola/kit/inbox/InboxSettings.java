package ru.eshkola.kit.inbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long processed event ids are remembered; must exceed the longest redelivery window
 */
@ConfigurationProperties("eshkola.inbox")
public record InboxSettings(@DefaultValue("14d") Duration retention) {
}
