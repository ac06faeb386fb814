package dev.mint.server.http;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Typed, validated path and query parameters; every error is a 422 naming the parameter. */
public final class Params {
    /** The largest page any list endpoint serves. */
    public static final int MAX_LIMIT = 500;

    private Params() {
    }

    /** A numeric path id such as {@code /experiments/{id}}. */
    public static long id(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        try {
            long value = Long.parseLong(raw);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(name, "Path parameter '" + name + "' must be a positive integer, not '" + raw + "'");
    }

    public static Optional<String> string(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    public static int intParam(Context ctx, String name, int fallback, int min, int max) {
        Optional<String> raw = string(ctx, name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalid(name, "Query parameter '" + name + "' must be an integer from " + min + " to " + max
                + ", not '" + raw.get() + "'");
    }

    public static int skip(Context ctx) {
        return intParam(ctx, "skip", 0, 0, Integer.MAX_VALUE);
    }

    public static int limit(Context ctx, int fallback) {
        return intParam(ctx, "limit", fallback, 1, MAX_LIMIT);
    }

    public static Optional<Long> longParam(Context ctx, String name) {
        return string(ctx, name).map(raw -> {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw ApiException.invalid(name, "Query parameter '" + name + "' must be an integer, not '" + raw + "'");
            }
        });
    }

    public static boolean bool(Context ctx, String name) {
        return string(ctx, name).map(raw -> switch (raw.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.invalid(name, "Query parameter '" + name + "' must be true or false");
        }).orElse(false);
    }

    public static Optional<String> choice(Context ctx, String name, Collection<String> allowed) {
        Optional<String> value = string(ctx, name);
        value.filter(v -> !allowed.contains(v)).ifPresent(v -> {
            throw ApiException.invalid(name, "Query parameter '" + name + "' must be one of " + String.join(", ", allowed)
                    + ", not '" + v + "'");
        });
        return value;
    }

    /** A date ({@code 2026-05-01}, meaning its start in UTC) or an ISO date-time with offset. */
    public static Optional<Instant> time(Context ctx, String name) {
        return string(ctx, name).map(raw -> {
            try {
                if (raw.length() == 10) {
                    return LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                return OffsetDateTime.parse(raw).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return Instant.parse(raw);
                } catch (DateTimeParseException again) {
                    throw ApiException.invalid(name, "Query parameter '" + name
                            + "' must be a date (2026-05-01) or date-time (2026-05-01T10:00:00Z), not '" + raw + "'");
                }
            }
        });
    }
}
