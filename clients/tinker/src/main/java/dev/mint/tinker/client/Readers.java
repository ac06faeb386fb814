package dev.mint.tinker.client;

import com.fasterxml.jackson.databind.JavaType;
import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.JsonCodec;
import java.io.IOException;

/** The usual ways to read an answer: a JSON body of one type, or nothing (upstream never reads those bodies). */
final class Readers {
    private Readers() {
    }

    static <T> TinkerCall.Reader<T> json(Class<T> type) {
        return (response, json) -> decode(ok(response, json), json, json.mapper().constructType(type));
    }

    static TinkerCall.Reader<Void> none() {
        return (response, json) -> {
            ok(response, json);
            return null;
        };
    }

    /** The response when it is a 2xx; otherwise throws the exception of its status. */
    static ApiResponse ok(ApiResponse response, JsonCodec json) {
        if (!response.isSuccess()) {
            throw TinkerErrors.from(response, json);
        }
        return response;
    }

    static <T> T decode(ApiResponse response, JsonCodec json, JavaType type) {
        try {
            T value = json.read(response.body(), type);
            if (value == null) {
                throw new IOException("the body is empty or null");
            }
            return value;
        } catch (IOException e) {
            throw TinkerErrors.invalidBody(response, type.getRawClass().getSimpleName(), e);
        }
    }
}
