package ru.eshkola.kit.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestSize largest request body accepted; larger ones get 413 before being read
 * @param uploadPaths    path patterns (e.g. {@code /api/v1/roster/**}) that accept files up to {@code maxUploadSize}
 * @param maxUploadSize  largest body on the upload paths
 */
@ConfigurationProperties("eshkola.web")
public record WebSettings(@DefaultValue("1MB") DataSize maxRequestSize, @DefaultValue List<String> uploadPaths,
        @DefaultValue("16MB") DataSize maxUploadSize) {
}
