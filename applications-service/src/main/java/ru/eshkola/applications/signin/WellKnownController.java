package ru.eshkola.applications.signin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a verifier needs: the public keys (JWKS) and the OpenID Provider metadata naming the issuer and where the keys
 * are. Other services depend only on these and on the claim names, so an external OpenID Connect provider can take
 * this service's place by configuration.
 */
@RestController
@Tag(name = "Sign-in")
class WellKnownController {

    static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final KeyRing keys;
    private final SignInSettings settings;

    WellKnownController(KeyRing keys, SignInSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    @GetMapping("/.well-known/jwks.json")
    @Operation(summary = "The public keys tokens are signed with (JWKS), including the next key before it signs")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok().contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(settings.jwksMaxAge()).cachePublic())
                .body(keys.jwks().toJSONObject(true));
    }

    @GetMapping(value = "/.well-known/openid-configuration", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "OpenID Provider metadata (the subset this issuer implements)")
    Map<String, Object> discovery() {
        String issuer = settings.issuer();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("issuer", issuer);
        metadata.put("jwks_uri", issuer + "/.well-known/jwks.json");
        metadata.put("token_endpoint", issuer + "/api/v1/signin");
        metadata.put("userinfo_endpoint", issuer + "/api/v1/me");
        metadata.put("response_types_supported", List.of("token"));
        metadata.put("grant_types_supported", List.of("password", "refresh_token"));
        metadata.put("subject_types_supported", List.of("public"));
        metadata.put("id_token_signing_alg_values_supported", List.of("RS256"));
        metadata.put("token_endpoint_auth_methods_supported", List.of("none"));
        metadata.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "jti", "name",
                "preferred_username", "roles", "students", "schools", "adminSchools", "classes", "subjects",
                "teaching", "staff", "municipality", "region"));
        return metadata;
    }
}
