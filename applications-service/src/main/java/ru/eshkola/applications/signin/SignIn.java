package ru.eshkola.applications.signin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.accounts.AccountRegister;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.security.Denial;
import ru.eshkola.kit.security.TokenRejectedException;

/** Sign-in, token refresh and sign-out; the account behind an accepted access token. */
@Service
class SignIn {

    private final AccountRegister accounts;
    private final Tokens tokens;
    private final RefreshTokens refreshTokens;
    private final SignInThrottle throttle;
    private final SignInSettings settings;

    SignIn(AccountRegister accounts, Tokens tokens, RefreshTokens refreshTokens, SignInThrottle throttle,
            SignInSettings settings) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.settings = settings;
    }

    /** What a successful sign-in or refresh returns (OAuth 2.0 token response fields, camel-cased). */
    record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken,
            long refreshExpiresIn) {
    }

    TokenPair signIn(String login, String password, String address) {
        throttle.check(login, address);
        AccountRegister.SignInCheck check = accounts.checkCredentials(login, password);
        return switch (check) {
            case AccountRegister.SignInCheck.Invalid invalid -> {
                throttle.failed(login, address);
                throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.of("invalid-credentials"),
                        "Unauthorized", "wrong login or password", List.of());
            }
            case AccountRegister.SignInCheck.Blocked blocked -> throw new ProblemException(HttpStatus.FORBIDDEN,
                    ProblemTypes.of("account-blocked"), "Forbidden", "the account is blocked ("
                    + blocked.reason() + "); ask the school", List.of());
            case AccountRegister.SignInCheck.Valid valid -> {
                throttle.succeeded(login);
                yield pair(valid.account(), null);
            }
        };
    }

    TokenPair refresh(String refreshToken) {
        RefreshTokens.Used used = refreshTokens.use(refreshToken);
        AccountRegister.AccountInfo account = accounts.find(used.accountId())
                .orElseThrow(() -> new TokenRefused("the account no longer exists"));
        requireUsable(account, used.familyIssuedAt());
        return pair(account, used.familyId());
    }

    void signOut(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    /**
     * The account of a caller whose token the resource server has accepted, if this service holds it (a token of an
     * external issuer may name an account it does not know). The revocation the kit checks is kept in memory and
     * reaches other instances within seconds; the account's own state is read here as well, so that a token of an
     * account blocked a moment ago on another instance is refused at once where it counts: the account's own data.
     */
    Optional<AccountRegister.AccountInfo> account(Caller caller) {
        Optional<AccountRegister.AccountInfo> account = accounts.find(caller.accountId());
        account.ifPresent(a -> {
            Instant issuedAt = issuedAt();
            if (!a.active() || (a.tokensValidAfter() != null && !issuedAt.isAfter(a.tokensValidAfter()))) {
                throw new InvalidBearerTokenException(Denial.REVOKED.description(),
                        new TokenRejectedException(Denial.REVOKED, caller.accountId(), null));
            }
        });
        return account;
    }

    private static void requireUsable(AccountRegister.AccountInfo account, Instant issuedAt) {
        if (!account.active()) {
            throw new TokenRefused("the account is " + account.state().toLowerCase(java.util.Locale.ROOT));
        }
        // token times have whole seconds: a token from the second of the blocking counts as issued before it
        if (account.tokensValidAfter() != null && !issuedAt.isAfter(account.tokensValidAfter())) {
            throw new TokenRefused("the token was issued before the account was blocked");
        }
    }

    /** The accepted token's issue time (Caller carries the claims a rule needs, not the token's times). */
    private static Instant issuedAt() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getIssuedAt() != null
                ? jwt.getIssuedAt() : Instant.EPOCH;
    }

    private TokenPair pair(AccountRegister.AccountInfo account, String familyId) {
        return new TokenPair(tokens.issue(account), "Bearer", settings.accessTokenValidity().toSeconds(),
                refreshTokens.issue(account.id(), familyId), settings.refreshTokenValidity().toSeconds());
    }
}
