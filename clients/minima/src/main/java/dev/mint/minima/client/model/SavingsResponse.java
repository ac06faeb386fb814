package dev.mint.minima.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer of {@code GET /v1/savings}: estimated and realized savings of routing against the premium
 * candidate and the declared baseline. The figures are kept as loose JSON, as the server adds to them
 * between versions: {@code summary} has {@code estimated} and {@code realized} blocks, {@code health} has
 * rates such as {@code feedback_coverage} and {@code success_rate}.
 *
 * @param since the start of the window, in Unix seconds
 * @param groups one entry per group ({@code key}, {@code summary}, {@code health}) when grouped
 */
public record SavingsResponse(Optional<String> orgId, long since, int days, Optional<String> namespace,
                              Map<String, Object> summary, Map<String, Object> health, Optional<String> groupBy,
                              List<Map<String, Object>> groups) {
    public SavingsResponse {
        orgId = Wire.opt(orgId);
        namespace = Wire.opt(namespace);
        summary = Wire.map(summary);
        health = Wire.map(health);
        groupBy = Wire.opt(groupBy);
        groups = Wire.list(groups);
    }
}
