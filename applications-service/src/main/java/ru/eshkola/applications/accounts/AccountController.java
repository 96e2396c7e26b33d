package ru.eshkola.applications.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Csv;
import ru.eshkola.kit.web.CurrentActor;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Accounts", description = "The register of user accounts; activation")
class AccountController {

    private final AccountRegister register;

    AccountController(AccountRegister register) {
        this.register = register;
    }

    record AppointOperator(@NotBlank @Email @Size(max = 200) String email, @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 100) String firstName, @Size(max = 100) String middleName,
            @NotBlank @Size(max = 40) String role, @Size(max = 64) String municipalityId,
            @Size(max = 64) String regionId) {
    }

    record Block(@Size(max = 2000) String note) {
    }

    record Activate(@NotBlank @Size(max = 200) String token, @Size(max = 100) String verification,
            @NotBlank @Size(max = 200) String password) {
    }

    record Activated(String accountId, String login) {
    }

    /** Never the password hash nor the activation token's hash. */
    record AccountView(String id, String login, String email, String name, Account.State state, Set<String> roles,
            List<Account.Access> access, List<Account.StaffRole> staff, Account.Operator operator,
            Account.Block block, Instant activationExpiresAt, String activationHint, Instant passwordSetAt,
            Instant createdAt, int version, List<AuditEntry> history) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.login(), a.email(), a.name(), a.state(), a.roles(), a.access(),
                    a.staff(), a.operator(), a.block(), a.activation() == null ? null : a.activation().expiresAt(),
                    a.activation() == null ? null : a.activation().verificationHint(), a.passwordSetAt(),
                    a.createdAt(), a.revision(), a.history());
        }
    }

    @GetMapping("/accounts/{id}")
    AccountView get(@PathVariable String id) {
        return AccountView.of(register.get(id));
    }

    @GetMapping("/accounts")
    @Operation(summary = "The accounts with access to students of a school or with staff roles in it")
    PageResponse<AccountView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Account.State state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageResponse.of(register.list(AccountRegister.filter(schoolId, state),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"))), AccountView::of);
    }

    @GetMapping(value = "/accounts/export.csv", produces = "text/csv")
    @Operation(summary = "The accounts of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Account.State state) {
        return Csv.download("accounts.csv", List.of("id", "login", "name", "state", "roles", "students",
                "createdAt", "passwordSetAt", "blockedAt", "blockedBy", "blockReason"),
                csv -> register.each(AccountRegister.filter(schoolId, state), a -> csv.row(a.id(), a.login(),
                        a.name(), a.state(), String.join(",", a.roles()),
                        String.join(",", a.access().stream().filter(Account.Access::active)
                                .map(Account.Access::studentId).toList()),
                        a.createdAt(), a.passwordSetAt(), a.block() == null ? null : a.block().blockedAt(),
                        a.block() == null ? null : a.block().blockedBy(),
                        a.block() == null ? null : a.block().reason())));
    }

    @PostMapping("/accounts/{id}/block")
    @Operation(summary = "Annul an account on request",
            description = "It can no longer sign in; its refresh tokens are revoked and services drop its access "
                    + "tokens on applications.account.blocked.v1")
    AccountView block(@PathVariable String id, @Valid @RequestBody(required = false) Block request,
            @CurrentActor String actor) {
        return AccountView.of(register.block(id, request == null ? null : request.note(), actor));
    }

    @PostMapping("/operators")
    @Operation(summary = "Create (or extend) the account of a municipal or regional operator",
            description = "Publishes applications.account.issued.v1 with the activation link")
    ResponseEntity<AccountView> appointOperator(@Valid @RequestBody AppointOperator request,
            @CurrentActor String actor) {
        Account account = register.appointOperator(request, actor);
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id())).body(AccountView.of(account));
    }

    @PostMapping("/accounts/activation")
    @Operation(summary = "Activate an account: the first sign-in sets the password (public)",
            description = "token: from the activation link; verification: what the link asks for (the "
                    + "application's registration number, or the staff number)")
    Activated activate(@Valid @RequestBody Activate request) {
        Account account = register.activate(request.token(), request.verification(), request.password());
        return new Activated(account.id(), account.login());
    }
}
