package ru.eshkola.applications.signin;

import java.text.ParseException;
import java.time.Clock;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.stereotype.Component;

import ru.eshkola.kit.security.AccessTokenDecoder;
import ru.eshkola.kit.security.SecuritySettings;
import ru.eshkola.kit.security.TokenRevocations;

/**
 * How this service checks the bearer tokens of its own API: the kit's checks, exactly as every other service makes
 * them (RS256 only, {@code typ at+jwt}, a published key, the signature, issuer, audience, times, revocation of the
 * account), but over the keys this service holds in memory ({@link KeyRing}), so its own tokens need no HTTP round
 * trip to its own JWKS, a key rotated on another instance is known here before it signs (the publish lead), and the
 * times are read on the clock the tokens were stamped with.
 *
 * <p>A token of a key this service does not hold is refused as an unknown key — unless the platform's issuer
 * ({@code eshkola.security.jwt.issuer}) is another one than this service's ({@code eshkola.signin.issuer}): an external
 * OpenID Connect provider that replaced this service's sign-in, or the test issuer. Such a token is then checked
 * against that issuer's JWKS by the kit's own decoder, as in every other service. Declaring this {@link JwtDecoder}
 * makes the kit's resource server use it instead of its own.
 */
@Component
class TokenVerification implements JwtDecoder {

    private final KeyRing keys;
    private final AccessTokenDecoder own;
    /** null when the platform's issuer is this service: every valid token is then signed by a key it holds */
    private final AccessTokenDecoder platform;

    TokenVerification(KeyRing keys, SignInSettings signIn, SecuritySettings security, TokenRevocations revocations,
            Clock clock) {
        this.keys = keys;
        this.own = AccessTokenDecoder.withKeys(keys.jwkSource(), signIn.issuer(), signIn.audience(),
                security.jwt().clockSkew(), revocations, clock);
        this.platform = signIn.issuer().equals(security.jwt().issuer()) ? null
                : AccessTokenDecoder.of(security.jwt(), revocations);
    }

    @Override
    public Jwt decode(String token) {
        if (platform != null && !keys.holds(keyId(token))) {
            return platform.decode(token);
        }
        return own.decode(token);
    }

    /** The header's {@code kid}, or null when there is none or the token is not even a JWS (refused later). */
    private static String keyId(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return null;
        }
        try {
            Header header = Header.parse(new Base64URL(token.substring(0, dot)));
            return header instanceof JWSHeader jws ? jws.getKeyID() : null;
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
