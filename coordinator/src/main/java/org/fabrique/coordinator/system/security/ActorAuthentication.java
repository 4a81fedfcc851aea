package org.fabrique.coordinator.system.security;

import java.util.List;

import org.fabrique.coordinator.account.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** An authenticated bearer token: the principal is the {@link Actor}; the token itself is not kept. */
final class ActorAuthentication extends AbstractAuthenticationToken {

    private final Actor actor;

    ActorAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority(actor.role().authority())));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.ref();
    }
}
