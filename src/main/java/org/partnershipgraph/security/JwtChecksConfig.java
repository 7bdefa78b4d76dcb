package org.partnershipgraph.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.util.StringUtils;

/**
 * The token checks Spring Boot does not make on its own. Spring Boot adds every
 * {@code OAuth2TokenValidator<Jwt>} bean to the decoder it builds from any key source.
 * <ul>
 * <li>The issuer check of {@code partnership.security.jwt.issuer}, for key sources that make none of
 * their own ({@code public-key-location}, or {@code jwk-set-uri} without {@code issuer-uri});
 * without that property it passes every token.</li>
 * <li>An expiry: Spring Security checks {@code exp} only when a token has one, and a token without
 * it would sign its user in for good (a WebSocket connection included).</li>
 * <li>A user's name ({@code partnership.security.jwt.name-claim}, else {@code sub}): the history
 * names who made each change, and an entry with no user could not be read back.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class JwtChecksConfig {

    private static final OAuth2Error NO_EXPIRY = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token has no exp claim: this service accepts only tokens that expire.", null);

    @Bean
    OAuth2TokenValidator<Jwt> configuredIssuer(SecurityProperties properties) {
        String issuer = properties.jwt().issuer();
        return StringUtils.hasText(issuer) ? new JwtIssuerValidator(issuer) : jwt -> OAuth2TokenValidatorResult.success();
    }

    @Bean
    OAuth2TokenValidator<Jwt> userNameRequired(SecurityProperties properties) {
        String claim = properties.jwt().nameClaim();
        OAuth2Error unnamed = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The token names no user (no "
                + (claim.equals("sub") ? "sub claim" : claim + " or sub claim") + "): this service records who makes each change.", null);
        return jwt -> SecurityConfig.userName(jwt, claim) != null ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(unnamed);
    }

    @Bean
    OAuth2TokenValidator<Jwt> expiryRequired() {
        return jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(NO_EXPIRY);
    }
}
