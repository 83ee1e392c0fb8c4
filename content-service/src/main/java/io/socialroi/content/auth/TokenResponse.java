package io.socialroi.content.auth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** OAuth 2 token answer. */
public record TokenResponse(@JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    static TokenResponse bearer(TokenIssuer.IssuedToken token) {
        return new TokenResponse(token.token(), "Bearer", token.expiresIn());
    }
}
