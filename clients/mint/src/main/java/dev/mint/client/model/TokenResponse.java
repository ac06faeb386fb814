package dev.mint.client.model;

/** {@code POST /api/auth/login} and {@code /api/auth/refresh}: a bearer token and its lifetime in seconds. */
public record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
