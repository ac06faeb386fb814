package dev.mint.tinker.client.model;

import java.time.Instant;
import java.util.Optional;

/** Usage in one time bucket. */
public record BillingUsageEvent(Instant bucketStart, Instant bucketEnd, Optional<String> baseModel,
                                Optional<String> userId, Optional<String> userName, Optional<String> sessionId,
                                Optional<String> projectId, BillingEventInfo eventInfo) {
    public BillingUsageEvent {
        Wire.required(bucketStart, "bucket_start");
        Wire.required(bucketEnd, "bucket_end");
        baseModel = Wire.opt(baseModel);
        userId = Wire.opt(userId);
        userName = Wire.opt(userName);
        sessionId = Wire.opt(sessionId);
        projectId = Wire.opt(projectId);
        Wire.required(eventInfo, "event_info");
    }
}
