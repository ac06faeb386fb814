package dev.mint.tinker.client;

import dev.mint.client.core.ApiRequest;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.JsonCodec;

/** One endpoint call: the request to send and how to read whatever comes back (errors included). */
record TinkerCall<T>(ApiRequest request, Reader<T> reader) {

    /** Reads a final response into a value or throws the {@link ApiException} it stands for. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ApiResponse response, JsonCodec json);
    }
}
