package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.JsonCodec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Follows redirects for the one endpoint upstream reads through a redirect-following pool (the audit log may
 * answer 302 to a signed URL serving the JSON). The API client itself never follows redirects, so that the
 * archive endpoint's 302 can be read; the credential is only sent along to the API's own origin.
 */
final class Redirects {
    private static final int MAX_HOPS = 5;

    private Redirects() {
    }

    /** Either the decoded value or where to fetch it from. */
    record Answer<T>(T value, URI location, Class<T> type) {
    }

    static <T> TinkerCall.Reader<Answer<T>> reader(Class<T> type) {
        return (response, json) -> {
            if (isRedirect(response) && response.header("Location").isPresent()) {
                return new Answer<>(null, response.uri().resolve(response.header("Location").get().strip()), type);
            }
            return new Answer<>(Readers.json(type).read(response, json), null, type);
        };
    }

    static <T> CompletableFuture<T> resolve(TinkerHttp http, Answer<T> answer) {
        return answer.location() == null ? CompletableFuture.completedFuture(answer.value())
                : fetch(http, answer.location(), answer.type(), 1);
    }

    private static <T> CompletableFuture<T> fetch(TinkerHttp http, URI uri, Class<T> type, int hop) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(http.settings().timeout()).GET()
                .header("Accept", "application/json");
        http.headersFor(uri).forEach(request::setHeader);
        return http.client().sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw TinkerErrors.noResponse("GET", uri, failure.getCause() != null ? failure.getCause() : failure);
                    }
                    return new ApiResponse(response.statusCode(), response.headers(), response.body(), uri, "GET");
                })
                .thenCompose(response -> {
                    JsonCodec json = http.json();
                    if (isRedirect(response) && response.header("Location").isPresent() && hop < MAX_HOPS) {
                        return fetch(http, uri.resolve(response.header("Location").get().strip()), type, hop + 1);
                    }
                    return CompletableFuture.completedFuture(Readers.json(type).read(response, json));
                });
    }

    private static boolean isRedirect(ApiResponse response) {
        return response.status() >= 300 && response.status() < 400;
    }
}
