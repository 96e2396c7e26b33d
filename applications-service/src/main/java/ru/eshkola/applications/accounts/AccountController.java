package ru.eshkola.applications.accounts;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
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

import ru.eshkola.applications.access.ApplicationsAccess;
import ru.eshkola.applications.access.AuditLog;
import ru.eshkola.applications.registers.AuditEntry;
import ru.eshkola.applications.registers.Csv;
import ru.eshkola.kit.security.Caller;
import ru.eshkola.kit.web.PageResponse;

@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Accounts", description = "The register of user accounts; activation")
class AccountController {

    private final AccountRegister register;
    private final ApplicationsAccess access;
    private final AuditLog audit;

    AccountController(AccountRegister register, ApplicationsAccess access, AuditLog audit) {
        this.register = register;
        this.access = access;
        this.audit = audit;
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

    /**
     * Never the password hash nor the activation token's hash. A reader who may read only some of the account's
     * schools (an administrator, a municipal operator) sees the access and staff roles of those schools only, and
     * no history (its lines name the others' students and applications).
     */
    record AccountView(String id, String login, String email, String name, Account.State state, Set<String> roles,
            List<Account.Access> access, List<Account.StaffRole> staff, Account.Operator operator,
            Account.Block block, Instant activationExpiresAt, String activationHint, Instant passwordSetAt,
            Instant createdAt, int version, List<AuditEntry> history) {

        static AccountView of(Account a, Predicate<String> visibleSchool, boolean whole) {
            return new AccountView(a.id(), a.login(), a.email(), a.name(), a.state(), a.roles(),
                    a.access().stream().filter(x -> whole || visibleSchool.test(x.schoolId())).toList(),
                    a.staff().stream().filter(x -> whole || visibleSchool.test(x.schoolId())).toList(),
                    a.operator(), a.block(), a.activation() == null ? null : a.activation().expiresAt(),
                    a.activation() == null ? null : a.activation().verificationHint(), a.passwordSetAt(),
                    a.createdAt(), a.revision(), whole ? a.history() : null);
        }
    }

    @GetMapping("/accounts/{id}")
    @Operation(summary = "One account as the register has it (what concerns the schools the caller reads)")
    AccountView get(@PathVariable String id, Caller caller) {
        Account account = register.get(id);
        access.requireAccountReader(caller, id, schools(account), account.operator() != null);
        AccountView view = view(caller, account);
        audit.read(caller, view.access().stream().map(Account.Access::schoolId).findFirst()
                .or(() -> view.staff().stream().map(Account.StaffRole::schoolId).findFirst()).orElse(null),
                students(view.access()), List.of(entry(account)));
        return view;
    }

    @GetMapping("/accounts")
    @Operation(summary = "The accounts with access to students of a school or with staff roles in it")
    PageResponse<AccountView> list(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Account.State state,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        Page<Account> found = register.list(AccountRegister.filter(schoolId, state),
                PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt")));
        PageResponse<AccountView> views = PageResponse.of(found, a -> view(caller, a));
        audit.read(caller, schoolId, views.items().stream().flatMap(v -> students(v.access()).stream()).toList(),
                found.stream().map(AccountController::entry).toList());
        return views;
    }

    @GetMapping(value = "/accounts/export.csv", produces = "text/csv")
    @Operation(summary = "The accounts of a school as CSV (UTF-8 with BOM, semicolons)")
    ResponseEntity<StreamingResponseBody> export(@RequestParam @NotBlank String schoolId,
            @RequestParam(required = false) Account.State state, Caller caller) {
        access.requireRegisterReader(caller, schoolId);
        AuditLog.Export trail = audit.export(caller, schoolId);
        return Csv.download("accounts.csv", List.of("id", "login", "name", "state", "roles", "students",
                "createdAt", "passwordSetAt", "blockedAt", "blockedBy", "blockReason"),
                csv -> trail.around(() -> register.each(AccountRegister.filter(schoolId, state), a -> {
                    // the students of this school only: the account may also hold access elsewhere
                    List<String> students = a.access().stream().filter(Account.Access::active)
                            .filter(x -> schoolId.equals(x.schoolId())).map(Account.Access::studentId).toList();
                    trail.add(entry(a), students);
                    csv.row(a.id(), a.login(), a.name(), a.state(), String.join(",", a.roles()),
                            String.join(",", students), a.createdAt(), a.passwordSetAt(),
                            a.block() == null ? null : a.block().blockedAt(),
                            a.block() == null ? null : a.block().blockedBy(),
                            a.block() == null ? null : a.block().reason());
                })));
    }

    @PostMapping("/accounts/{id}/block")
    @Operation(summary = "Annul an account on request",
            description = "It can no longer sign in; its refresh tokens are revoked and services drop its access "
                    + "tokens on applications.account.blocked.v1")
    AccountView block(@PathVariable String id, @Valid @RequestBody(required = false) Block request,
            Caller caller) {
        Account account = register.get(id);
        access.requireAccountBlocker(caller, schools(account), account.operator() != null);
        Account blocked = register.block(id, request == null ? null : request.note(), caller.accountId());
        AccountView view = view(caller, blocked);
        audit.changed(caller, view.access().stream().map(Account.Access::schoolId).findFirst()
                .or(() -> view.staff().stream().map(Account.StaffRole::schoolId).findFirst()).orElse(null),
                students(view.access()), List.of(entry(blocked)));
        return view;
    }

    @PostMapping("/operators")
    @Operation(summary = "Create (or extend) the account of a municipal or regional operator",
            description = "Publishes applications.account.issued.v1 with the activation link")
    ResponseEntity<AccountView> appointOperator(@Valid @RequestBody AppointOperator request, Caller caller) {
        access.requireOperatorAppointer(caller, request.regionId());
        // every operator of this platform is of its region, whatever the request said
        Account account = register.appointOperator(new AppointOperator(request.email(), request.lastName(),
                request.firstName(), request.middleName(), request.role(), request.municipalityId(), access.region()),
                caller.accountId());
        audit.changed(caller, null, List.of(), List.of(entry(account)));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + account.id()))
                .body(view(caller, account));
    }

    private AccountView view(Caller caller, Account account) {
        boolean whole = access.seesWholeAccount(caller, account.id(), schools(account), account.operator() != null);
        return AccountView.of(account, school -> access.readsRegisters(caller, school), whole);
    }

    /** The schools an account has (or had) access or a staff role in: whose registers it belongs to. */
    private static Set<String> schools(Account account) {
        Set<String> schools = new TreeSet<>();
        account.access().forEach(a -> schools.add(a.schoolId()));
        account.staff().forEach(s -> schools.add(s.schoolId()));
        return schools;
    }

    private static List<String> students(List<Account.Access> access) {
        return access.stream().map(Account.Access::studentId).distinct().toList();
    }

    private static String entry(Account account) {
        return "account:" + account.id();
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
