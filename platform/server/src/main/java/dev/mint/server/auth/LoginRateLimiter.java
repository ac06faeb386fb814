package dev.mint.server.auth;

import dev.mint.server.http.ApiException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed one-minute windows of login attempts per client address. Every attempt counts, successful or
 * not, so a flood of guesses and a flood of bcrypt work are bounded alike.
 */
public final class LoginRateLimiter {
    private static final long WINDOW_MILLIS = 60_000;

    private final int attemptsPerWindow;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(long start, int count) {
    }

    public LoginRateLimiter(int attemptsPerWindow) {
        this.attemptsPerWindow = attemptsPerWindow;
    }

    /** Counts one attempt from {@code client}; throws a 429 with {@code Retry-After} past the limit. */
    public void acquire(String client) {
        long now = System.currentTimeMillis();
        if (windows.size() > 10_000) {
            windows.values().removeIf(w -> now - w.start() >= WINDOW_MILLIS);
        }
        Window window = windows.compute(client, (key, w) ->
                w == null || now - w.start() >= WINDOW_MILLIS ? new Window(now, 1) : new Window(w.start(), w.count() + 1));
        if (window.count() > attemptsPerWindow) {
            long retryAfter = Math.max(1, (window.start() + WINDOW_MILLIS - now + 999) / 1000);
            throw ApiException.rateLimited(retryAfter);
        }
    }
}
