package dev.mint.examples.plateqc;

import dev.mint.sdk.Setting;

/**
 * What an admin can tune, as {@code PATCH /api/plugins/plate-qc/config} or the settings form shows it
 * ({@code max_control_cv_percent}, {@code min_controls}).
 */
public record PlateQcSettings(
        @Setting(description = "Largest coefficient of variation of the control wells that passes, in percent",
                min = 0.1, max = 100) double maxControlCvPercent,
        @Setting(description = "Fewest control wells that must have a reading", min = 2, max = 384) int minControls) {

    public static PlateQcSettings defaults() {
        return new PlateQcSettings(15.0, 3);
    }
}
