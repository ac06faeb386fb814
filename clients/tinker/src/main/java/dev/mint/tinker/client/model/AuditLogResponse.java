package dev.mint.tinker.client.model;

import java.util.List;

/** The audit events of one UTC day, sorted by time. */
public record AuditLogResponse(List<AuditLogEntry> entries) {
    public AuditLogResponse {
        entries = Wire.requiredList(entries, "entries");
    }
}
