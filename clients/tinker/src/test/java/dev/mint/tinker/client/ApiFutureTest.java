package dev.mint.tinker.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** What {@code result()} returns and throws. */
class ApiFutureTest {
    private static ApiStatusException.Failure failure(int status) {
        return new ApiStatusException.Failure(status, "gone", "", "gone", null,
                java.net.http.HttpHeaders.of(java.util.Map.of(), (a, b) -> true), "GET", "http://x");
    }

    @Test
    void resultIsTheValue() {
        ApiFuture<String> future = ApiFuture.of(CompletableFuture.completedFuture("v"));
        assertThat(future.result()).isEqualTo("v");
        assertThat(future.result(Duration.ofMillis(1))).isEqualTo("v");
        assertThat(future.isDone()).isTrue();
        assertThat(future.future().join()).isEqualTo("v");
    }

    @Test
    void failuresAreRethrownUnwrapped() {
        NotFoundException notFound = new NotFoundException(failure(404));
        ApiFuture<String> direct = ApiFuture.of(CompletableFuture.failedFuture(notFound));
        assertThatThrownBy(direct::result).isSameAs(notFound);
        assertThatThrownBy(() -> direct.result(Duration.ofSeconds(1))).isSameAs(notFound);
        ApiFuture<String> wrapped = ApiFuture.of(CompletableFuture.failedFuture(new CompletionException(notFound)));
        assertThatThrownBy(wrapped::result).isSameAs(notFound);
        ApiFuture<String> checked = ApiFuture.of(CompletableFuture.failedFuture(new IOException("disk")));
        assertThatThrownBy(checked::result).isInstanceOf(TinkerException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void resultWithATimeoutGivesUpWithoutCancelling() {
        ApiFuture<String> never = ApiFuture.of(new CompletableFuture<>());
        long started = System.nanoTime();
        assertThatThrownBy(() -> never.result(Duration.ofMillis(100))).isInstanceOf(ResultTimeoutException.class)
                .hasMessageContaining("PT0.1S");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(never.isDone()).isFalse();
    }

    @Test
    void cancellingAndInterrupting() {
        ApiFuture<String> cancelled = ApiFuture.of(new CompletableFuture<>());
        assertThat(cancelled.cancel()).isTrue();
        assertThatThrownBy(cancelled::result).isInstanceOf(CancellationException.class);

        ApiFuture<String> never = ApiFuture.of(new CompletableFuture<>());
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(never::result).isInstanceOf(TinkerException.class).hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
