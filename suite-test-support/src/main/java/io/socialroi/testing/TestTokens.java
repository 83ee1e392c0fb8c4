package io.socialroi.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints real RS256 tokens, shaped exactly like content-service's, with the test key pair; and the tokens an
 * attacker would try ({@link #attacks()}), each otherwise an agency admin's token.
 */
public final class TestTokens {

    public static final String ISSUER = "social-roi-suite";
    /** Every suite token names the four services it is for. */
    public static final List<String> AUDIENCES = List.of("content-service", "engagement-service",
            "conversion-service", "reporting-service");
    static final List<String> ADMIN_SCOPES = List.of("admin", "content:read", "content:write", "engagement:read",
            "engagement:write", "conversions:read", "conversions:write", "reports:read", "costs:write");

    private TestTokens() {
    }

    /** An agency admin: every scope, every workspace. */
    public static String admin() {
        return sign(Jwt.claims().subject("test-admin"), ADMIN_SCOPES, null);
    }

    /** A suite service's own token: read scopes on every workspace. */
    public static String service(String... scopes) {
        List<String> groups = new java.util.ArrayList<>(Arrays.asList(scopes));
        groups.add("service");
        return sign(Jwt.claims().subject("test-service"), groups, null);
    }

    /**
     * content-service's own token for a call on behalf of one workspace (its TokenIssuer.forService): group
     * {@code service} plus these scopes, bound to the workspace.
     */
    public static String serviceFor(UUID workspaceId, String... scopes) {
        List<String> groups = new java.util.ArrayList<>(Arrays.asList(scopes));
        groups.add("service");
        return sign(Jwt.claims().subject("content-service"), groups, List.of(workspaceId));
    }

    /** A workspace credential's token with exactly these scopes. */
    public static String workspace(UUID workspaceId, String... scopes) {
        return sign(Jwt.claims().subject("client-" + workspaceId), Arrays.asList(scopes), List.of(workspaceId));
    }

    /** A workspace credential's token with its own subject (client id), e.g. two credentials of one workspace. */
    public static String credential(String clientId, UUID workspaceId, String... scopes) {
        return sign(Jwt.claims().subject(clientId), Arrays.asList(scopes), List.of(workspaceId));
    }

    /** A token bound to several workspaces, as a user's login would be. */
    public static String workspaces(List<UUID> workspaceIds, String role, String... scopes) {
        JwtClaimsBuilder builder = Jwt.claims().subject("user-" + UUID.randomUUID()).claim("role", role);
        return sign(builder, Arrays.asList(scopes), workspaceIds);
    }

    /** An admin token with this jti and subject, to be listed as revoked. */
    public static String admin(String subject, String jti) {
        return sign(Jwt.claims().subject(subject).claim("jti", jti), ADMIN_SCOPES, null);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /**
     * Tokens no service may accept, by what is wrong with them; apart from that each is an agency admin's token,
     * so accepting one would open everything: signed with another key, expired, not yet valid, of another
     * issuer, for another audience, without an audience, unsigned ({@code alg: none}) and HS256 signed with the
     * suite's public key as the HMAC secret (algorithm confusion).
     */
    public static Map<String, String> attacks() {
        Map<String, String> tokens = new LinkedHashMap<>();
        long now = System.currentTimeMillis() / 1000;
        tokens.put("forged signature (another key)", adminClaims().jws().keyId("test").sign(Forger.PAIR.getPrivate()));
        tokens.put("expired", adminClaims().issuedAt(now - 7200).expiresAt(now - 3600).jws().keyId("test")
                .sign(TestKeys.privateKey()));
        tokens.put("not yet valid (nbf)", adminClaims().claim("nbf", now + 3600).expiresAt(now + 7200).jws()
                .keyId("test").sign(TestKeys.privateKey()));
        tokens.put("wrong issuer", adminClaims().issuer("https://attacker.example").jws().keyId("test")
                .sign(TestKeys.privateKey()));
        tokens.put("wrong audience", adminClaims().audience("some-other-api").jws().keyId("test")
                .sign(TestKeys.privateKey()));
        tokens.put("no audience", Jwt.claims().subject("test-admin").issuer(ISSUER).groups(Set.copyOf(ADMIN_SCOPES))
                .claim("scope", String.join(" ", ADMIN_SCOPES)).expiresIn(3600).jws().keyId("test")
                .sign(TestKeys.privateKey()));
        tokens.put("alg none", unsigned());
        tokens.put("HS256 with the public key (alg confusion)", hs256WithPublicKey());
        return tokens;
    }

    private static JwtClaimsBuilder adminClaims() {
        return Jwt.claims().subject("test-admin").issuer(ISSUER).audience(Set.copyOf(AUDIENCES))
                .groups(Set.copyOf(ADMIN_SCOPES)).claim("scope", String.join(" ", ADMIN_SCOPES)).expiresIn(3600);
    }

    private static String payload() {
        long now = System.currentTimeMillis() / 1000;
        return "{\"sub\":\"test-admin\",\"iss\":\"" + ISSUER + "\",\"aud\":[\"" + String.join("\",\"", AUDIENCES)
                + "\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + ",\"groups\":[\""
                + String.join("\",\"", ADMIN_SCOPES) + "\"],\"scope\":\"" + String.join(" ", ADMIN_SCOPES) + "\"}";
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload().getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** The classic confusion: the verifier's RSA public key (as its PEM file) used as an HMAC secret. */
    private static String hs256WithPublicKey() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"test\"}"
                .getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(payload().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Files.readAllBytes(TestKeys.publicKeyPem()), "HmacSHA256"));
            return signingInput + "." + b64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaimsBuilder builder, List<String> scopes, List<UUID> workspaces) {
        builder.issuer(ISSUER).audience(Set.copyOf(AUDIENCES)).groups(Set.copyOf(scopes))
                .claim("scope", String.join(" ", scopes)).expiresIn(3600);
        if (workspaces != null) {
            builder.claim("ws", workspaces.stream().map(UUID::toString).toList());
        }
        return builder.jws().keyId("test").sign(TestKeys.privateKey());
    }

    /** A key pair that is not the suite's: what a forger signs with. */
    private static final class Forger {
        static final KeyPair PAIR = generate();

        private static KeyPair generate() {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                return generator.generateKeyPair();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
