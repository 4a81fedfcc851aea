package org.fabrique.coordinator.system.security;

import java.util.Map;

import org.fabrique.coordinator.account.Accounts;
import org.fabrique.coordinator.account.Role;
import org.fabrique.coordinator.system.problem.ProblemType;
import org.fabrique.coordinator.system.problem.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * Bearer-token authentication and the table of which role may call what. Ownership (a maker's own
 * lots, a hospital's own needs) is checked where the data is, in the feature services.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

    private static final String MAKER = Role.MAKER.name();
    private static final String HOSPITAL = Role.HOSPITAL.name();
    private static final String COORDINATOR = Role.COORDINATOR.name();

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, Accounts accounts, ProblemWriter problems) {
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager(accounts));
        bearer.setServerAuthenticationConverter(bearerTokenConverter());
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        bearer.setAuthenticationFailureHandler((webFilterExchange, e) -> problems.write(webFilterExchange.getExchange(),
                ProblemType.UNAUTHENTICATED, "The bearer token is not valid", Map.of()));

        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> problems.write(exchange, ProblemType.UNAUTHENTICATED,
                                "This call needs an Authorization: Bearer <token> header", Map.of()))
                        .accessDeniedHandler((exchange, e) -> problems.write(exchange, ProblemType.FORBIDDEN,
                                "Your role does not allow this call", Map.of())))
                .authorizeExchange(rules -> rules
                        // Operations and documentation
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/**").hasRole(COORDINATOR)
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/problems/**").permitAll()
                        // Open to everyone: self-registration, the open design library, public figures
                        .pathMatchers(HttpMethod.POST, "/api/makers/register").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/designs", "/api/designs/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/open-data/**", "/api/public/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/api/inspection/sampling-plan").permitAll()
                        // Makers and their agents
                        .pathMatchers("/api/makers/me", "/api/makers/me/**").hasRole(MAKER)
                        .pathMatchers(HttpMethod.POST, "/api/lots/*/start", "/api/lots/*/report", "/api/lots/*/ship").hasRole(MAKER)
                        .pathMatchers(HttpMethod.POST, "/api/lots/*/release").hasAnyRole(MAKER, COORDINATOR)
                        // Hospitals
                        .pathMatchers(HttpMethod.POST, "/api/lots/*/receive", "/api/lots/*/inspection").hasRole(HOSPITAL)
                        .pathMatchers(HttpMethod.POST, "/api/needs").hasRole(HOSPITAL)
                        .pathMatchers(HttpMethod.POST, "/api/needs/*/cancel", "/api/needs/*/close").hasAnyRole(HOSPITAL, COORDINATOR)
                        // Coordinators
                        .pathMatchers(HttpMethod.POST, "/api/designs", "/api/designs/**").hasRole(COORDINATOR)
                        .pathMatchers(HttpMethod.GET, "/api/accounts/me").authenticated()
                        .pathMatchers("/api/accounts", "/api/accounts/**").hasRole(COORDINATOR)
                        .pathMatchers(HttpMethod.POST, "/api/recalls", "/api/recalls/**").hasRole(COORDINATOR)
                        .pathMatchers(HttpMethod.POST, "/api/hospitals/*/homologations").hasRole(HOSPITAL)
                        .pathMatchers(HttpMethod.DELETE, "/api/hospitals/*/homologations/**").hasRole(HOSPITAL)
                        .pathMatchers(HttpMethod.POST, "/api/hospitals", "/api/hospitals/**").hasRole(COORDINATOR)
                        .pathMatchers(HttpMethod.POST, "/api/makers", "/api/makers/*/**").hasRole(COORDINATOR)
                        .pathMatchers(HttpMethod.GET, "/api/makers", "/api/makers/*").hasRole(COORDINATOR)
                        // Everything else under /api needs a valid token; ownership is checked by the feature
                        .pathMatchers("/api/**").authenticated()
                        // Web pages and their assets
                        .anyExchange().permitAll())
                .build();
    }

    private static ReactiveAuthenticationManager authenticationManager(Accounts accounts) {
        return authentication -> accounts.authenticate((String) authentication.getCredentials())
                .switchIfEmpty(Mono.error(new BadCredentialsException("unknown token")))
                .map(ActorAuthentication::new);
    }

    private static ServerAuthenticationConverter bearerTokenConverter() {
        return exchange -> {
            String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
            if (header == null) {
                return Mono.empty();
            }
            String token = header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
            return Mono.just(new BearerToken(token));
        };
    }
}
