package dev.mint.tinker.client.model;

import java.util.Optional;

/** Who the credential belongs to, read from its JWT claims ({@code sub}, {@code email}). */
public record WhoamiResponse(String userUrn, Optional<String> email) {
    public WhoamiResponse {
        Wire.required(userUrn, "user_urn");
        email = Wire.opt(email);
    }
}
