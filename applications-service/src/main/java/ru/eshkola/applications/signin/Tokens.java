package ru.eshkola.applications.signin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import ru.eshkola.applications.accounts.AccountRegister;
import ru.eshkola.applications.roster.Roster;
import ru.eshkola.kit.events.EventIds;

/**
 * Access tokens: RS256 JWTs ({@code typ: at+jwt}, RFC 9068) with the account's roles and scope. The claims are the
 * contract other services rely on; they are listed in the README. They are verified here as everywhere else, by the
 * kit's checks ({@link TokenVerification}).
 */
@Component
class Tokens {

    static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final KeyRing keys;
    private final Roster roster;
    private final SignInSettings settings;
    private final Clock clock;

    Tokens(KeyRing keys, Roster roster, SignInSettings settings, Clock clock) {
        this.keys = keys;
        this.roster = roster;
        this.settings = settings;
        this.clock = clock;
    }

    String issue(AccountRegister.AccountInfo account) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(account.id())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTokenValidity())))
                .jwtID(EventIds.next())
                .claim("name", account.name())
                .claim("preferred_username", account.login())
                .claim("roles", List.copyOf(account.roles()));
        optional(claims, "students", account.students());
        optional(claims, "schools", account.schools());
        optional(claims, "adminSchools", account.adminSchools());
        optional(claims, "staff", account.staffIds());
        if (!account.staffIds().isEmpty()) {
            Roster.StaffScope scope = roster.staffScope(account.staffIds(), LocalDate.ofInstant(now, ZoneOffset.UTC));
            optional(claims, "classes", scope.classes());
            optional(claims, "subjects", scope.subjects());
            optional(claims, "teaching", scope.teaching());
        }
        if (account.municipalityId() != null) {
            claims.claim("municipality", account.municipalityId());
        }
        if (account.regionId() != null) {
            claims.claim("region", account.regionId());
        }
        RSAKey key = keys.signingKey();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(ACCESS_TOKEN).build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return jwt.serialize();
    }

    private static void optional(JWTClaimsSet.Builder claims, String name, Set<String> values) {
        if (!values.isEmpty()) {
            claims.claim(name, List.copyOf(values));
        }
    }
}
