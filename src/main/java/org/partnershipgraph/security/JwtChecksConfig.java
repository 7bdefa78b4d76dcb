package org.partnershipgraph.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * The issuer check of {@code partnership.security.jwt.issuer}, for key sources that make none of
 * their own ({@code public-key-location}, or {@code jwk-set-uri} without {@code issuer-uri}).
 * Spring Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds from any
 * key source; without that property this one passes every token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class JwtIssuerConfig {

    @Bean
    OAuth2TokenValidator<Jwt> configuredIssuer(SecurityProperties properties) {
        String issuer = properties.jwt().issuer();
        return StringUtils.hasText(issuer) ? new JwtIssuerValidator(issuer) : jwt -> OAuth2TokenValidatorResult.success();
    }
}
