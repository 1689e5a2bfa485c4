package cn.duban.testsupport;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.HeaderConfig;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Signed bearer tokens shaped like the Duban realm's (realm_access.roles, sector, unit, post, audience
 * duban-api), for {@code @QuarkusTest}s without a running Keycloak: {@link DubanInfraResource} makes the service
 * trust this JVM's own test key and issuer, so a token signed with another key, for another issuer or
 * audience, or expired, is refused exactly as a real one would be.
 */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test/realms/duban";
    public static final String AUDIENCE = "duban-api";
    private static final KeyPair KEYS = newKeyPair();

    private TestTokens() {
    }

    /** The configuration that makes a service verify tokens locally against the test key. */
    public static Map<String, String> serviceConfig() {
        return Map.of(
                "quarkus.oidc.auth-server-url", "", // empty is unset: nothing to discover, the key is given
                "quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    /**
     * Makes REST Assured send this token with every request of the test class, until changed; a request may still
     * name its own Authorization header, which then replaces it. {@code actAs(null)} sends none.
     */
    public static void actAs(String bearer) {
        RestAssured.config = RestAssured.config().headerConfig(HeaderConfig.headerConfig()
                .overwriteHeadersWithName("Authorization", "Content-Type", "Accept"));
        RestAssured.requestSpecification = bearer == null ? null
                : new RequestSpecBuilder().addHeader("Authorization", bearer).build();
    }

    public static Token as(String user) {
        return new Token(user);
    }

    public static String supervisor() {
        return as("supervisor").roles("supervisor").bearer();
    }

    public static String leader(String post) {
        return as("leader").roles("leader").claim("post", post).bearer();
    }

    public static String sectorReporter(String sector) {
        return as(sector).roles("sector-reporter").claim("sector", sector).bearer();
    }

    public static String unitReporter(String user, String sector, String unit) {
        return as(user).roles("unit-reporter").claim("sector", sector).claim("unit", unit).bearer();
    }

    /** One token, built claim by claim; {@link #bearer()} gives the Authorization header's value. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private String issuer = ISSUER;
        private Object audience = AUDIENCE;
        private Duration lifetime = Duration.ofMinutes(15);
        private KeyPair signer = KEYS;

        private Token(String user) {
            claims.put("preferred_username", user);
        }

        public Token roles(String... roles) {
            claims.put("realm_access", Map.of("roles", List.of(roles)));
            return this;
        }

        public Token claim(String name, String value) {
            claims.put(name, value);
            return this;
        }

        public Token issuer(String other) {
            issuer = other;
            return this;
        }

        public Token audience(String other) {
            audience = other;
            return this;
        }

        /** A token that expires this long after it is made. */
        public Token lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** A token whose expiry lies this far in the past. */
        public Token expiredFor(Duration ago) {
            lifetime = ago.negated();
            return this;
        }

        /** Signed with a key no service trusts, as a forger would. */
        public Token forged() {
            signer = newKeyPair();
            return this;
        }

        public String bearer() {
            JwtClaims jwt = new JwtClaims();
            Instant now = Instant.now();
            jwt.setIssuer(issuer);
            jwt.setAudience(audience.toString());
            jwt.setSubject(UUID.nameUUIDFromBytes(claims.get("preferred_username").toString().getBytes()).toString());
            jwt.setJwtId(UUID.randomUUID().toString());
            jwt.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(now.getEpochSecond() - 60));
            jwt.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
            jwt.setClaim("typ", "Bearer");
            claims.forEach(jwt::setClaim);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(jwt.toJson());
            jws.setKey(signer.getPrivate());
            jws.setKeyIdHeaderValue("test");
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            try {
                return "Bearer " + jws.getCompactSerialization();
            } catch (JoseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
