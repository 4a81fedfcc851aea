package org.fabrique.coordinator.account;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.fabrique.coordinator.system.problem.ApiException;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Accounts for coordinators: list, create coordinators, disable and replace tokens. */
@RestController
@RequestMapping("/api/accounts")
class AccountController {

    record AccountView(String id, Role role, String displayName, String makerId, String hospitalId, boolean disabled,
            Instant createdAt, String createdBy) {
        static AccountView of(Account account) {
            return new AccountView(account.id(), account.role(), account.displayName(), account.makerId(),
                    account.hospitalId(), account.disabled(), account.createdAt(), account.createdBy());
        }
    }

    record NewCoordinator(@NotBlank @Size(max = 80) String displayName) {
    }

    record IssuedToken(AccountView account, String token) {
    }

    private final Accounts accounts;

    AccountController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/me")
    Mono<AccountView> me(@AuthenticationPrincipal Actor actor) {
        return find(actor.accountId()).map(AccountView::of);
    }

    @GetMapping
    Flux<AccountView> list() {
        return accounts.all().map(AccountView::of);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Mono<IssuedToken> createCoordinator(@Valid @RequestBody NewCoordinator request, @AuthenticationPrincipal Actor actor) {
        return accounts.create(Role.COORDINATOR, request.displayName(), null, null, actor)
                .map(issued -> new IssuedToken(AccountView.of(issued.account()), issued.token()));
    }

    /** Replaces an account's token (lost or leaked); the old one stops working. */
    @PostMapping("/{accountId}/token")
    Mono<IssuedToken> replaceToken(@PathVariable String accountId) {
        return accounts.rotateToken(accountId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.ACCOUNT_NOT_FOUND, "Account", accountId)))
                .map(issued -> new IssuedToken(AccountView.of(issued.account()), issued.token()));
    }

    @PostMapping("/{accountId}/disable")
    Mono<AccountView> disable(@PathVariable String accountId, @AuthenticationPrincipal Actor actor) {
        if (accountId.equals(actor.accountId())) {
            return Mono.error(new ApiException(ProblemType.CONFLICT, "A coordinator cannot disable their own account"));
        }
        return setDisabled(accountId, true);
    }

    @PostMapping("/{accountId}/enable")
    Mono<AccountView> enable(@PathVariable String accountId) {
        return setDisabled(accountId, false);
    }

    private Mono<AccountView> setDisabled(String accountId, boolean disabled) {
        return accounts.setDisabled(accountId, disabled).then(find(accountId)).map(AccountView::of);
    }

    private Mono<Account> find(String accountId) {
        return accounts.find(accountId)
                .switchIfEmpty(Mono.error(() -> ApiException.notFound(ProblemType.ACCOUNT_NOT_FOUND, "Account", accountId)));
    }
}
