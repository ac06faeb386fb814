package dev.mint.sdk;

import java.util.Locale;

/** A plugin's health: healthy, degraded (working, with a problem), unhealthy, or unknown. */
public enum HealthStatus {
    HEALTHY, DEGRADED, UNHEALTHY, UNKNOWN;

    /** The wire spelling, lowercase. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
