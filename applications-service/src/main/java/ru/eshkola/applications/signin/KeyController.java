package ru.eshkola.applications.signin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.applications.access.ApplicationsAccess;
import ru.eshkola.kit.security.Caller;

@RestController
@RequestMapping("/api/v1/signing-keys")
@Tag(name = "Signing keys", description = "Rotation of the token signing keys (the regional operator)")
class KeyController {

    private final KeyRing keys;
    private final ApplicationsAccess access;

    KeyController(KeyRing keys, ApplicationsAccess access) {
        this.keys = keys;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The signing keys and what time makes of them (PUBLISHED, SIGNING, RETIRED, REMOVED)")
    List<KeyRing.KeyStatus> list(Caller caller) {
        access.requireKeyManager(caller);
        return keys.statuses();
    }

    @PostMapping("/rotation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Rotate: publish a new key now; it signs after the publish lead",
            description = "409 key-rotation-pending while a published key has not started signing yet")
    KeyRing.KeyStatus rotate(Caller caller) {
        access.requireKeyManager(caller);
        return keys.rotate(caller.accountId());
    }
}
