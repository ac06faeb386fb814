package dev.mint.tinker.client.model;

import java.util.Map;

/** What the billing report knows about a session: its user metadata (empty when none). */
public record BillingSession(Map<String, String> userMetadata) {
    public BillingSession {
        userMetadata = Wire.map(userMetadata);
    }
}
