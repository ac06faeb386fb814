package dev.mint.client.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpLogTest {
    @Test
    void credentialHeadersAreRedacted() {
        String line = HttpLog.redactHeaders(Map.of("Authorization", List.of("Bearer eyJsecret"),
                "X-API-Key", List.of("tml-secret"), "Accept", List.of("application/json")));
        assertThat(line).doesNotContain("eyJsecret").doesNotContain("tml-secret").contains("application/json")
                .contains("Authorization=[redacted]");
    }

    @Test
    void secretJsonFieldsAreRedacted() {
        String body = "{\"username\": \"alice\", \"password\": \"p\\\"w\", \"access_token\":\"eyJabc\", \"nested\": {\"api_key\": \"k\"}}";
        String redacted = HttpLog.redactBody(body.getBytes(StandardCharsets.UTF_8));
        assertThat(redacted).contains("alice").doesNotContain("p\\\"w").doesNotContain("eyJabc").doesNotContain("\"k\"")
                .contains("\"password\": \"[redacted]\"");
    }

    @Test
    void longBodiesAreTruncated() {
        String redacted = HttpLog.redactBody("x".repeat(10_000).getBytes(StandardCharsets.UTF_8));
        assertThat(redacted).hasSizeLessThan(4_100).endsWith("(10000 bytes)");
    }
}
