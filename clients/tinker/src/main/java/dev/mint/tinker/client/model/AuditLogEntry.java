package dev.mint.tinker.client.model;

import java.time.Instant;
import java.util.Optional;

/** One audit event. */
public record AuditLogEntry(Instant timestamp, String event, Optional<String> modelId, Optional<String> tinkerPath,
                            Optional<String> purpose) {
    public AuditLogEntry {
        Wire.required(timestamp, "timestamp");
        Wire.required(event, "event");
        modelId = Wire.opt(modelId);
        tinkerPath = Wire.opt(tinkerPath);
        purpose = Wire.opt(purpose);
    }
}
