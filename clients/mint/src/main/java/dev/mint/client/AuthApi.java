package dev.mint.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.model.TokenResponse;
import dev.mint.client.model.TokenVerification;
import dev.mint.client.model.User;
import java.util.Map;

/** Login, refresh, verify and the current user. Obtain through {@link MintClient#auth()}. */
public final class AuthApi {
    private final MintHttp http;

    AuthApi(MintHttp http) {
        this.http = http;
    }

    /**
     * {@code POST /api/auth/login}; on success the client uses the new token for every later call.
     *
     * @throws MintAuthenticationException for a wrong username or password
     */
    public TokenResponse login(String username, String password) {
        TokenResponse token = http.call(http.jsonRequest("POST", "/api/auth/login",
                Map.of("username", Fields.required(username, "username"), "password", Fields.required(password, "password"))),
                TokenResponse.class);
        http.token(token.accessToken());
        return token;
    }

    /**
     * {@code POST /api/auth/refresh}: exchanges the current token for a fresh one and keeps it (and, when
     * the token came from the credentials file, saves it there).
     */
    public TokenResponse refresh() {
        TokenResponse token = http.call(http.jsonRequest("POST", "/api/auth/refresh", Map.of()), TokenResponse.class);
        http.refreshed(token);
        return token;
    }

    /** {@code GET /api/auth/verify}: whether the current token is valid, whose it is and when it expires. */
    public TokenVerification verify() {
        return http.call(ApiRequest.get("/api/auth/verify"), TokenVerification.class);
    }

    /** {@code GET /api/users/me}. */
    public User whoami() {
        return http.call(ApiRequest.get("/api/users/me"), User.class);
    }

    /**
     * Forgets the token in this client (there is no server-side session to end for a JWT). Stored
     * credentials files are left alone; {@code mint auth logout} removes those.
     */
    public void logout() {
        http.token(null);
    }
}
