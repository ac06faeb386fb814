package dev.mint.tinker.client;

import dev.mint.client.core.ApiResponse;
import dev.mint.client.core.JsonCodec;
import dev.mint.tinker.client.model.CheckpointArchiveUrlResponse;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the archive endpoint's two contracts (wire reference §4.2): {@code 302} with {@code Location} and an
 * optional {@code Expires}, or {@code 200} JSON {@code {"url", "expires"}}. The redirect is read, never followed.
 */
final class ArchiveUrls {
    /** What upstream assumes when a redirect's {@code Expires} is missing or unreadable. */
    static final Duration DEFAULT_VALIDITY = Duration.ofMinutes(15);

    private ArchiveUrls() {
    }

    static CheckpointArchiveUrlResponse read(ApiResponse response, JsonCodec json) {
        if (response.status() >= 300 && response.status() < 400) {
            Optional<String> location = response.header("Location").filter(l -> !l.isBlank());
            if (location.isEmpty()) {
                throw TinkerErrors.from(response, json);
            }
            URI url = response.uri().resolve(location.get().strip());
            Instant expires = response.header("Expires").flatMap(ArchiveUrls::httpDate)
                    .orElseGet(() -> Instant.now().plus(DEFAULT_VALIDITY));
            return new CheckpointArchiveUrlResponse(url.toString(), expires);
        }
        return Readers.decode(Readers.ok(response, json), json,
                json.mapper().constructType(CheckpointArchiveUrlResponse.class));
    }

    private static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
