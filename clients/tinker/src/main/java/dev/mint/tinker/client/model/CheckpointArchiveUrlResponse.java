package dev.mint.tinker.client.model;

import java.time.Instant;

/**
 * Where to download a checkpoint archive (a tar file, plain GET, no credentials) and until when.
 *
 * @param url     the signed download URL
 * @param expires when the URL stops working
 */
public record CheckpointArchiveUrlResponse(String url, Instant expires) {
    public CheckpointArchiveUrlResponse {
        Wire.required(url, "url");
        Wire.required(expires, "expires");
    }
}
