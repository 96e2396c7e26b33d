package ru.eshkola.applications.signin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import ru.eshkola.applications.accounts.AccountRegister;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.security.Caller;

@RestController
@Validated
@Tag(name = "Sign-in", description = "The platform's sign-in point: tokens for every service (public endpoints)")
class SignInController {

    private final SignIn signIn;
    private final AccountRegister accounts;

    SignInController(SignIn signIn, AccountRegister accounts) {
        this.signIn = signIn;
        this.accounts = accounts;
    }

    record Credentials(@NotBlank @Size(max = 200) String login, @NotBlank @Size(max = 200) String password) {
    }

    /** Long enough for anything a client might send as a token, so that every wrong one is refused as a token. */
    record Refresh(@NotBlank @Size(max = 8192) String refreshToken) {
    }

    record ChangePassword(@NotBlank @Size(max = 200) String currentPassword,
            @NotBlank @Size(max = 200) String newPassword) {
    }

    @PostMapping("/api/v1/signin")
    @Operation(summary = "Sign in with login and password",
            description = "401 invalid-credentials, 403 account-blocked, 429 too-many-attempts (Retry-After)")
    ResponseEntity<SignIn.TokenPair> signIn(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        return noStore(signIn.signIn(credentials.login(), credentials.password(), request.getRemoteAddr()));
    }

    @PostMapping("/api/v1/signin/refresh")
    @Operation(summary = "Exchange a refresh token for new tokens (the old refresh token is used up)")
    ResponseEntity<SignIn.TokenPair> refresh(@Valid @RequestBody Refresh request) {
        return noStore(signIn.refresh(request.refreshToken()));
    }

    @PostMapping("/api/v1/signout")
    @Operation(summary = "Sign out: revoke the refresh token and every token rotated from it")
    ResponseEntity<Void> signOut(@Valid @RequestBody Refresh request) {
        signIn.signOut(request.refreshToken());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the bearer token's account is, and the claims its token carries",
            description = "Any valid access token; 401 when its account has been blocked since")
    Map<String, Object> me(Caller caller) {
        Optional<AccountRegister.AccountInfo> account = signIn.account(caller);
        Map<String, Object> me = new TreeMap<>();
        me.put("sub", caller.accountId());
        account.ifPresent(a -> {
            me.put("preferred_username", a.login());
            me.put("name", a.name());
        });
        me.put("roles", List.copyOf(caller.roles()));
        me.put("students", List.copyOf(caller.students()));
        me.put("schools", List.copyOf(caller.schools()));
        me.put("adminSchools", List.copyOf(caller.adminSchools()));
        me.put("staff", List.copyOf(caller.staffIds()));
        if (caller.municipality() != null) {
            me.put("municipality", caller.municipality());
        }
        if (caller.region() != null) {
            me.put("region", caller.region());
        }
        return me;
    }

    @PostMapping("/api/v1/me/password")
    @Operation(summary = "Change the password (bearer token and the current password)",
            description = "404 when the token's account is not one of this service's (an external issuer's)")
    ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePassword request, Caller caller) {
        AccountRegister.AccountInfo account = signIn.account(caller)
                .orElseThrow(() -> ProblemException.notFound("account", caller.accountId()));
        accounts.changePassword(account.id(), request.currentPassword(), request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** Tokens must not be kept by caches on the way (RFC 6749 §5.1). */
    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(body);
    }
}
