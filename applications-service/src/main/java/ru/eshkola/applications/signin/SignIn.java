package ru.eshkola.applications.signin;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import ru.eshkola.applications.accounts.AccountRegister;
import ru.eshkola.kit.problems.ProblemException;
import ru.eshkola.kit.problems.ProblemTypes;

/** Sign-in, token refresh and the checks every token-taking endpoint makes. */
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

    /** The account behind a bearer token, if the token and the account are both still good. */
    AccountRegister.AccountInfo authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new TokenRefused("send the access token as Authorization: Bearer <token>");
        }
        Tokens.Verified verified = tokens.verify(authorization.substring(7).strip());
        AccountRegister.AccountInfo account = accounts.find(verified.accountId())
                .orElseThrow(() -> new TokenRefused("the account no longer exists"));
        requireUsable(account, verified.issuedAt());
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

    private TokenPair pair(AccountRegister.AccountInfo account, String familyId) {
        return new TokenPair(tokens.issue(account), "Bearer", settings.accessTokenValidity().toSeconds(),
                refreshTokens.issue(account.id(), familyId), settings.refreshTokenValidity().toSeconds());
    }
}
