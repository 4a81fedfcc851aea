package org.fabrique.coordinator.system.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The raw bearer token from the request, before it is resolved to an actor. */
final class BearerToken extends AbstractAuthenticationToken {

    private final String token;

    BearerToken(String token) {
        super(java.util.List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return "bearer";
    }
}
