package dev.mint.examples.plateqc;

import dev.mint.sdk.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Quality control of a plate read: do the control wells agree closely enough? */
final class ControlQc {
    private ControlQc() {
    }

    /**
     * The analysis result for {@code readings} (well → value) of {@code layout}: mean and coefficient of
     * variation of the control wells, and whether they pass {@code settings}.
     */
    static Map<String, Object> evaluate(PlateLayout layout, Map<String, ?> readings, PlateQcSettings settings) {
        List<Double> values = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String well : layout.controls()) {
            Object value = readings.get(well);
            if (value == null) {
                missing.add(well);
            } else if (value instanceof Number number) {
                values.add(number.doubleValue());
            } else {
                throw new ValidationException("Reading of " + well + " must be a number", "readings", value);
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("controls_read", values.size());
        result.put("missing_controls", missing);
        result.put("max_control_cv_percent", settings.maxControlCvPercent());
        if (values.size() < Math.max(2, settings.minControls())) {
            result.put("passed", false);
            result.put("reason", "only " + values.size() + " control well(s) read; at least " + settings.minControls()
                    + " needed");
            return result;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
        double cv = mean == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(variance) / Math.abs(mean) * 100;
        result.put("control_mean", mean);
        result.put("control_cv_percent", Double.isFinite(cv) ? Math.round(cv * 100) / 100.0 : null);
        boolean passed = cv <= settings.maxControlCvPercent();
        result.put("passed", passed);
        result.put("reason", passed ? "controls agree" : "control CV above " + settings.maxControlCvPercent() + "%");
        return result;
    }
}
