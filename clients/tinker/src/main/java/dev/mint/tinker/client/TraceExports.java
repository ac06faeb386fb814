package dev.mint.tinker.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Polls a session trace export until it is ready (wire reference §5.7), as upstream every 5 s. */
final class TraceExports {
    private TraceExports() {
    }

    /** One poll's answer. */
    record Status(String status, Optional<String> url, Optional<String> error) {
        Status {
            url = url == null ? Optional.empty() : url;
            error = error == null ? Optional.empty() : error;
        }
    }

    static CompletableFuture<String> await(TinkerHttp http, String sessionId) {
        TinkerCall<Status> poll = TinkerCalls.traceExportStatus(sessionId);
        return http.send(poll).thenCompose(status -> switch (String.valueOf(status.status())) {
            case "ready" -> status.url().map(CompletableFuture::completedFuture).orElseGet(() -> CompletableFuture
                    .failedFuture(new TinkerException("Session trace export of " + sessionId + " is ready but has no url")));
            case "failed" -> CompletableFuture.failedFuture(new TinkerException("Session trace export of " + sessionId
                    + " failed: " + status.error().orElse("no reason given")));
            default -> later(http.settings().pollInterval()).thenCompose(ignored -> await(http, sessionId));
        });
    }

    private static CompletableFuture<Void> later(Duration delay) {
        return CompletableFuture.runAsync(() -> { },
                CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }
}
