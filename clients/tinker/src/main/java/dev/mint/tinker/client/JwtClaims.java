package dev.mint.tinker.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.client.core.JsonCodec;
import dev.mint.tinker.client.model.WhoamiResponse;
import java.io.IOException;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code whoami} without a request, as upstream: the credential's JWT claims, read without verifying the
 * signature ({@code sub} is the user, {@code email} the address). Only a passport-issued JWT carries them.
 */
final class JwtClaims {
    private JwtClaims() {
    }

    static WhoamiResponse whoami(String credential, JsonCodec json) {
        JsonNode claims = claims(credential, json).orElseThrow(() -> new TinkerException(
                "whoami needs a JWT credential; this client was given an API key"));
        if (!claims.path("iss").asText("").startsWith("passport-") || !claims.path("sub").isTextual()) {
            throw new TinkerException("whoami needs a passport-issued JWT with a 'sub' claim");
        }
        Optional<String> email = Optional.of(claims.path("email").asText("")).filter(e -> !e.isBlank());
        return new WhoamiResponse(claims.path("sub").asText(), email);
    }

    private static Optional<JsonNode> claims(String credential, JsonCodec json) {
        String[] parts = credential.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.tree(Base64.getUrlDecoder().decode(parts[1]));
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }
}
