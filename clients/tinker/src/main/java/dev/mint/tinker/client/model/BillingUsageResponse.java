package dev.mint.tinker.client.model;

import java.util.List;
import java.util.Map;

/** Usage buckets of a time window, and the sessions they mention by id. */
public record BillingUsageResponse(List<BillingUsageEvent> data, Map<String, BillingSession> sessions) {
    public BillingUsageResponse {
        data = Wire.requiredList(data, "data");
        sessions = Wire.map(sessions);
    }
}
