package dev.mint.tinker.client.model;

import java.util.Optional;

/**
 * What a billing bucket counted, by {@code type}: {@code training} and {@code sampling_sample}
 * ({@code token_count}), {@code sampling_prefill} ({@code cached}, {@code token_count}), {@code checkpoint}
 * ({@code count}), {@code storage} ({@code gigabyte_hours}). Other types keep just their name.
 */
public record BillingEventInfo(String type, Optional<Long> tokenCount, Optional<Boolean> cached, Optional<Long> count,
                               Optional<Double> gigabyteHours) {
    public BillingEventInfo {
        Wire.required(type, "type");
        tokenCount = Wire.opt(tokenCount);
        cached = Wire.opt(cached);
        count = Wire.opt(count);
        gigabyteHours = Wire.opt(gigabyteHours);
    }
}
