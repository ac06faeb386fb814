package dev.mint.minima;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error answered as {@code application/problem+json} ({@code {"type", "title", "status", "detail"}}),
 * or, for a request body or query that does not validate, as {@code 422} with the list of problems
 * ({@code {"detail": [{"type", "loc", "msg", "input", "ctx"}]}}), the two shapes the upstream API uses.
 */
final class Problem extends RuntimeException {
    private final int status;
    private final String title;
    private final List<Map<String, Object>> validationErrors;

    private Problem(int status, String title, String detail, List<Map<String, Object>> validationErrors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.validationErrors = validationErrors;
    }

    static Problem of(int status, String title, String detail) {
        return new Problem(status, title, detail, null);
    }

    static Problem unauthorized(String detail) {
        return of(401, "Unauthorized", detail);
    }

    static Problem noCandidate(String detail) {
        return of(422, "No candidate models", detail);
    }

    /** A request that does not validate, with one entry per problem. */
    static Problem invalid(List<Map<String, Object>> errors) {
        return new Problem(422, "Unprocessable Entity", "request validation failed", List.copyOf(errors));
    }

    int status() {
        return status;
    }

    boolean isValidation() {
        return validationErrors != null;
    }

    /** The response body. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        if (validationErrors != null) {
            body.put("detail", validationErrors);
            return body;
        }
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status);
        body.put("detail", getMessage());
        return body;
    }
}
