package ru.eshkola.kit.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import ru.eshkola.kit.testing.TestTokens;

class CallerTests {

    private static Jwt.Builder token(String subject) {
        Instant now = Instant.now();
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).issuedAt(now)
                .expiresAt(now.plusSeconds(900)).jti("token-1");
    }

    @Test
    void mapsEveryPlatformClaim() {
        Caller caller = Caller.of(token("acc-1")
                .claim("roles", List.of("TEACHER", "SCHOOL_ADMINISTRATOR"))
                .claim("students", List.of("s-2", "s-1"))
                .claim("schools", List.of("school-1"))
                .claim("adminSchools", List.of("school-1"))
                .claim("classes", List.of("5a"))
                .claim("subjects", List.of("math"))
                .claim("teaching", List.of("5a/math"))
                .claim("municipality", "ntgo")
                .claim("region", "66")
                .claim("staff", List.of("staff-9", "staff-2"))
                .build());

        assertThat(caller.accountId()).isEqualTo("acc-1");
        assertThat(caller.roles()).containsExactly("SCHOOL_ADMINISTRATOR", "TEACHER");
        assertThat(caller.students()).containsExactly("s-1", "s-2");
        assertThat(caller.schools()).containsExactly("school-1");
        assertThat(caller.adminSchools()).containsExactly("school-1");
        assertThat(caller.classes()).containsExactly("5a");
        assertThat(caller.subjects()).containsExactly("math");
        assertThat(caller.teaching()).containsExactly("5a/math");
        assertThat(caller.municipality()).isEqualTo("ntgo");
        assertThat(caller.region()).isEqualTo("66");
        assertThat(caller.tokenId()).isEqualTo("token-1");
        assertThat(caller.staffIds()).containsExactly("staff-2", "staff-9");
        assertThat(caller.isStaff("staff-9")).isTrue();
        assertThat(caller.isStaff("staff-3")).isFalse();
        assertThat(caller.isStaff(null)).isFalse();
    }

    @Test
    void arrayClaimsTheIssuerLeftOutAreEmptyAndScalarsNull() {
        Caller caller = Caller.of(token("acc-2").claim("roles", List.of("GUARDIAN")).build());

        assertThat(caller.students()).isEmpty();
        assertThat(caller.schools()).isEmpty();
        assertThat(caller.adminSchools()).isEmpty();
        assertThat(caller.classes()).isEmpty();
        assertThat(caller.subjects()).isEmpty();
        assertThat(caller.teaching()).isEmpty();
        assertThat(caller.municipality()).isNull();
        assertThat(caller.region()).isNull();
        assertThat(caller.staffIds()).isEmpty();
        assertThat(caller.isStaff("staff-1")).isFalse();
    }

    @Test
    void theTestIssuersStaffTokensCarryTheStaffId() {
        assertThat(TestTokens.teacher("staff-4", "school-1", "5a/math").toString()).contains("staff=[staff-4]");
        assertThat(TestTokens.schoolAdministrator("staff-5", "school-1").toString()).contains("staff=[staff-5]");
        assertThat(TestTokens.guardian("acc-1", "s-1").toString()).doesNotContain("staff=");
    }

    @Test
    void aSingleStringWhereAnArrayIsExpectedIsOneValue() {
        Caller caller = Caller.of(token("acc-3").claim("roles", "GUARDIAN").claim("students", "s-9").build());

        assertThat(caller.roles()).containsExactly("GUARDIAN");
        assertThat(caller.hasStudent("s-9")).isTrue();
    }

    @Test
    void predicatesCheckOnlyTheClaims() {
        Caller teacher = Caller.of(token("staff-1").claim("roles", List.of(Roles.TEACHER))
                .claim("schools", List.of("school-1")).claim("classes", List.of("5a", "6b"))
                .claim("teaching", List.of("5a/math", "6b/physics")).build());

        assertThat(teacher.hasRole(Roles.TEACHER)).isTrue();
        assertThat(teacher.hasRole(Roles.GUARDIAN)).isFalse();
        assertThat(teacher.hasAnyRole(Roles.GUARDIAN, Roles.TEACHER)).isTrue();
        assertThat(teacher.hasAnyRole(Roles.GUARDIAN, Roles.STUDENT)).isFalse();
        assertThat(teacher.worksAt("school-1")).isTrue();
        assertThat(teacher.worksAt("school-2")).isFalse();
        assertThat(teacher.administers("school-1")).as("staff, not administrator").isFalse();
        assertThat(teacher.teaches("5a", "math")).isTrue();
        assertThat(teacher.teaches("5a", "physics")).as("another subject in the same class").isFalse();
        assertThat(teacher.teaches("6b", "math")).as("the subject, in another class").isFalse();
        assertThat(teacher.teachesIn("6b")).isTrue();
        assertThat(teacher.teachesIn("7c")).isFalse();
        assertThat(teacher.hasStudent("s-1")).isFalse();

        Caller operator = Caller.of(token("op-1").claim("roles", List.of(Roles.MUNICIPAL_OPERATOR))
                .claim("municipality", "ntgo").build());
        assertThat(operator.operatesInMunicipality("ntgo")).isTrue();
        assertThat(operator.operatesInMunicipality("other")).isFalse();
        assertThat(operator.operatesInRegion("66")).isFalse();
        assertThat(operator.operatesInRegion(null)).isFalse();
    }

    @Test
    void theSetsCannotBeChangedByTheirHolder() {
        Caller caller = Caller.of(token("acc-4").claim("roles", List.of("GUARDIAN")).build());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caller.roles().add(Roles.REGIONAL_OPERATOR))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
