package org.partnershipgraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Every documented key source of JWT mode ({@code issuer-uri}, {@code jwk-set-uri},
 * {@code public-key-location}) checks both the audience and the issuer once the start-up check
 * ({@link SecurityConfig#requireSafeJwt}) is satisfied, and the start-up check refuses each
 * configuration that would leave one unchecked. The decoders are Spring Boot's own, built by its
 * auto-configuration with {@link JwtChecksConfig} (which also requires an expiry); the identity provider is a local HTTP server
 * serving the discovery document and the key set.
 */
class JwtKeySourcesTest {

    private static final String AUDIENCE = "partnership-graph";
    private static final KeyPair KEYS = TestKeys.keyPair();
    private static HttpServer idp;
    private static String issuer;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(JwtChecksConfig.class);

    @BeforeAll
    static void identityProvider() throws IOException {
        idp = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + idp.getAddress().getPort() + "/realms/partnership";
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256).keyID("k1").build()).toString();
        String discovery = "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/jwks\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"],\"subject_types_supported\":[\"public\"]}";
        serve("/realms/partnership/jwks", jwks);
        serve("/realms/partnership/.well-known/openid-configuration", discovery);
        idp.start();
    }

    @AfterAll
    static void stopIdentityProvider() {
        idp.stop(0);
    }

    @Test
    void issuerUriChecksIssuerAndAudience() {
        runner.withPropertyValues(jwt("issuer-uri", issuer), jwt("audiences", AUDIENCE))
                .run(context -> checksIssuerAudienceAndExpiry(context.getBean(JwtDecoder.class)));
    }

    @Test
    void jwkSetUriWithIssuerUriChecksIssuerAndAudience() {
        runner.withPropertyValues(jwt("jwk-set-uri", issuer + "/jwks"), jwt("issuer-uri", issuer), jwt("audiences", AUDIENCE))
                .run(context -> checksIssuerAudienceAndExpiry(context.getBean(JwtDecoder.class)));
    }

    @Test
    void jwkSetUriWithConfiguredIssuerChecksIssuerAndAudience() {
        runner.withPropertyValues(jwt("jwk-set-uri", issuer + "/jwks"), "partnership.security.jwt.issuer=" + issuer,
                jwt("audiences", AUDIENCE)).run(context -> checksIssuerAudienceAndExpiry(context.getBean(JwtDecoder.class)));
    }

    @Test
    void publicKeyWithConfiguredIssuerChecksIssuerAndAudience() {
        runner.withPropertyValues(jwt("public-key-location", TestKeys.publicKeyFile(KEYS, "jwt-key-sources-").toUri().toString()),
                "partnership.security.jwt.issuer=" + issuer, jwt("audiences", AUDIENCE))
                .run(context -> checksIssuerAudienceAndExpiry(context.getBean(JwtDecoder.class)));
    }

    @Test
    void aSafeConfigurationPassesTheStartUpCheck() {
        SecurityConfig.requireSafeJwt(claims(null), resourceServer(issuer, null, null, List.of(AUDIENCE)));
        SecurityConfig.requireSafeJwt(claims(issuer), resourceServer(null, null, TestKeys.publicKeyFile(KEYS, "jwt-key-sources-"), List.of(AUDIENCE)));
        SecurityConfig.requireSafeJwt(claims(issuer), resourceServer(null, issuer + "/jwks", null, List.of(AUDIENCE)));
    }

    @Test
    void noAudienceStopsTheStart() {
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(null), resourceServer(issuer, null, null, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(null), resourceServer(issuer, null, null, List.of(" "))))
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.audiences is not set");
    }

    @Test
    void anUncheckedIssuerStopsTheStart() {
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(null),
                resourceServer(null, null, TestKeys.publicKeyFile(KEYS, "jwt-key-sources-"), List.of(AUDIENCE))))
                .hasMessageContaining("issuer is not checked").hasMessageContaining("partnership.security.jwt.issuer");
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(null),
                resourceServer(null, issuer + "/jwks", null, List.of(AUDIENCE))))
                .hasMessageContaining("issuer is not checked").hasMessageContaining("issuer-uri");
    }

    @Test
    void aPublicKeyBesideAnIssuerUriStopsTheStart() {
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(null),
                resourceServer(issuer, null, TestKeys.publicKeyFile(KEYS, "jwt-key-sources-"), List.of(AUDIENCE))))
                .hasMessageContaining("ignores the public key");
    }

    @Test
    void twoDifferentIssuersOrNoKeySourceStopTheStart() {
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims("https://elsewhere.example.com"),
                resourceServer(issuer, null, null, List.of(AUDIENCE))))
                .hasMessageContaining("differ");
        assertThatThrownBy(() -> SecurityConfig.requireSafeJwt(claims(issuer), resourceServer(null, null, null, List.of(AUDIENCE))))
                .hasMessageContaining("no key source");
    }

    private static void checksIssuerAudienceAndExpiry(JwtDecoder decoder) {
        assertThat(decoder.decode(token(issuer, List.of(AUDIENCE))).getSubject()).isEqualTo("tester");
        assertThat(decoder.decode(token(issuer, List.of("other", AUDIENCE))).getSubject()).isEqualTo("tester");
        assertThatThrownBy(() -> decoder.decode(token(issuer, List.of("another-application"))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token(issuer, List.of())))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThatThrownBy(() -> decoder.decode(token("https://elsewhere.example.com", List.of(AUDIENCE))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(token(null, List.of(AUDIENCE))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss");
        assertThatThrownBy(() -> decoder.decode(token(issuer, List.of(AUDIENCE), null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("no exp claim");
        assertThatThrownBy(() -> decoder.decode(token(issuer, List.of(AUDIENCE), Instant.now().minusSeconds(600))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("expired");
    }

    private static SecurityProperties.Jwt claims(String configuredIssuer) {
        return new SecurityProperties.Jwt("roles", "boards", "sub", configuredIssuer);
    }

    private static OAuth2ResourceServerProperties.Jwt resourceServer(String issuerUri, String jwkSetUri, Path publicKey,
            List<String> audiences) {
        OAuth2ResourceServerProperties.Jwt jwt = new OAuth2ResourceServerProperties().getJwt();
        jwt.setIssuerUri(issuerUri);
        jwt.setJwkSetUri(jwkSetUri);
        jwt.setPublicKeyLocation(publicKey == null ? null : new FileSystemResource(publicKey));
        jwt.setAudiences(audiences);
        return jwt;
    }

    private static String jwt(String property, String value) {
        return "spring.security.oauth2.resourceserver.jwt." + property + "=" + value;
    }

    private static void serve(String path, String body) {
        idp.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private static String token(String tokenIssuer, List<String> audience) {
        return token(tokenIssuer, audience, Instant.now().plusSeconds(600));
    }

    private static String token(String tokenIssuer, List<String> audience, Instant expiry) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("tester").issuer(tokenIssuer).audience(audience)
                    .issueTime(Date.from(Instant.now().minusSeconds(3600)))
                    .expirationTime(expiry == null ? null : Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner((RSAPrivateKey) KEYS.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
