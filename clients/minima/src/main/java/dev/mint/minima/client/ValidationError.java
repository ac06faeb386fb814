package dev.mint.minima.client;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a request-validation failure ({@code 422 {"detail": [...]}} as FastAPI sends it).
 *
 * @param loc  where the invalid value is, e.g. {@code ["body", "task", "task"]} (list indexes as text)
 * @param msg  what is wrong, e.g. {@code String should have at least 1 character}
 * @param type the kind of failure, e.g. {@code string_too_short}
 */
public record ValidationError(List<String> loc, String msg, String type) {
    public ValidationError {
        loc = List.copyOf(Objects.requireNonNull(loc, "loc == null"));
        Objects.requireNonNull(msg, "msg == null");
        Objects.requireNonNull(type, "type == null");
    }

    /** {@link #loc} joined with dots, e.g. {@code body.task.task}. */
    public String location() {
        return String.join(".", loc);
    }

    @Override
    public String toString() {
        return loc.isEmpty() ? msg : location() + ": " + msg;
    }
}
