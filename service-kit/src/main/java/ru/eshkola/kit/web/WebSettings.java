package ru.eshkola.kit.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest request body accepted; larger ones get 413 before being read
 */
@ConfigurationProperties("eshkola.web")
public record WebSettings(@DefaultValue("1MB") DataSize maxRequestSize) {
}
