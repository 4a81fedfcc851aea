package org.fabrique.coordinator.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs: title, licence and the bearer-token scheme. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI fabriqueOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Fabrique coordinator API").version("1")
                        .description("Designs, hospital needs, claims and lots of the Fabrique network. "
                                + "Errors are RFC 9457 problem details with a stable type; agent calls that change "
                                + "state carry an Idempotency-Key. See docs/api.md and docs/agent-protocol.md.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("fab_…")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
