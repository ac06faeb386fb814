package dev.mint.server.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

/** Assertions on the platform's error envelope {@code {"error", "message", "details"}}. */
public final class ErrorAssertions {
    private ErrorAssertions() {
    }

    /**
     * Asserts status and error code, and what every error response carries: a JSON body with a message,
     * a JSON content type, an {@code X-Request-Id}, and for a 401 {@code WWW-Authenticate}. Returns the body.
     */
    public static JsonNode assertError(TestHttp.Response response, int status, String code) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as("content type of %s", response).startsWith("application/json");
        assertThat(response.header("X-Request-Id")).as("request id of %s", response).isNotBlank();
        if (status == 401) {
            assertThat(response.header("WWW-Authenticate")).as("WWW-Authenticate of %s", response).isEqualTo("Bearer");
        }
        JsonNode body = response.json();
        assertThat(body.path("error").asText()).as("error code of %s", response).isEqualTo(code);
        assertThat(body.path("message").asText()).as("message of %s", response).isNotBlank();
        return body;
    }

    /** A 422 VALIDATION_ERROR whose {@code details.field} is {@code field}. */
    public static JsonNode assertInvalid(TestHttp.Response response, String field) {
        JsonNode body = assertError(response, 422, "VALIDATION_ERROR");
        assertThat(body.at("/details/field").asText()).as("details.field of %s", response).isEqualTo(field);
        return body;
    }

    public static JsonNode assertNotFound(TestHttp.Response response) {
        return assertError(response, 404, "NOT_FOUND");
    }

    /** A 403 PERMISSION_DENIED naming the permission that was missing. */
    public static JsonNode assertDenied(TestHttp.Response response, String permission) {
        JsonNode body = assertError(response, 403, "PERMISSION_DENIED");
        assertThat(body.at("/details/required_permission").asText()).as("required permission of %s", response)
                .isEqualTo(permission);
        return body;
    }
}
