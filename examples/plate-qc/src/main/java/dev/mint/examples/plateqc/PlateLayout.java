package dev.mint.examples.plateqc;

import dev.mint.sdk.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plate's layout, the design data of an experiment: its size, its control wells and which sample sits
 * in which well. Wells are named row letter + column number ({@code A1} .. {@code H12}). Stored with
 * {@code "kind": "plate_layout"}.
 */
public record PlateLayout(int rows, int columns, List<String> controls, Map<String, String> samples) {
    /** The {@code kind} of design data that is a plate layout. */
    public static final String KIND = "plate_layout";
    private static final Pattern WELL = Pattern.compile("([A-Z])([0-9]{1,2})");

    /**
     * Reads a layout from design data.
     *
     * @throws ValidationException naming the field that is wrong
     */
    @SuppressWarnings("unchecked")
    public static PlateLayout parse(Map<String, ?> data) {
        int rows = size(data.get("rows"), "rows", 16);
        int columns = size(data.get("columns"), "columns", 24);
        if (!(data.get("controls") instanceof List<?> controls) || controls.isEmpty()) {
            throw new ValidationException("controls must list the control wells", "controls", data.get("controls"));
        }
        Object samples = data.get("samples") == null ? Map.of() : data.get("samples");
        if (!(samples instanceof Map<?, ?>)) {
            throw new ValidationException("samples must map wells to sample names", "samples", samples);
        }
        PlateLayout layout = new PlateLayout(rows, columns, controls.stream().map(String::valueOf).toList(),
                new LinkedHashMap<>((Map<String, String>) samples));
        layout.controls.forEach(well -> layout.checkWell(well, "controls"));
        layout.samples.keySet().forEach(well -> {
            layout.checkWell(well, "samples");
            if (layout.controls.contains(well)) {
                throw new ValidationException("Well " + well + " is both a control and a sample", "samples", well);
            }
        });
        return layout;
    }

    private static int size(Object value, String field, int max) {
        if (!(value instanceof Number number) || number.intValue() < 1 || number.intValue() > max
                || number.doubleValue() != number.intValue()) {
            throw new ValidationException(field + " must be a whole number from 1 to " + max, field, value);
        }
        return number.intValue();
    }

    private void checkWell(String well, String field) {
        Matcher m = WELL.matcher(well);
        if (!m.matches() || m.group(1).charAt(0) - 'A' >= rows || Integer.parseInt(m.group(2)) < 1
                || Integer.parseInt(m.group(2)) > columns) {
            throw new ValidationException("Well " + well + " is not on a " + rows + "x" + columns + " plate", field, well);
        }
    }

    /** The layout as design data. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("kind", KIND);
        map.put("rows", rows);
        map.put("columns", columns);
        map.put("controls", controls);
        map.put("samples", samples);
        return map;
    }
}
