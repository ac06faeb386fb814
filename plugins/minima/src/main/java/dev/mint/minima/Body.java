package dev.mint.minima;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a request's JSON and collects every problem with it before any is reported, as FastAPI does:
 * each with its location ({@code ["body", "task", "task"]}), a message and the offending input. Absent
 * fields and explicit nulls read as "not given"; unknown fields are ignored.
 */
final class Body {
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final String source;

    Body(String source) {
        this.source = source;
    }

    /** Fails with 422 listing every problem found so far, if any. */
    void check() {
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    void error(List<Object> loc, String type, String msg, JsonNode input, Map<String, Object> ctx) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("type", type);
        List<Object> location = new ArrayList<>();
        location.add(source);
        location.addAll(loc);
        error.put("loc", location);
        error.put("msg", msg);
        error.put("input", input);
        if (ctx != null) {
            error.put("ctx", ctx);
        }
        errors.add(error);
    }

    static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    String string(JsonNode node, List<Object> loc, boolean required, int minLength) {
        if (absent(node)) {
            if (required) {
                error(loc, "missing", "Field required", null, null);
            }
            return null;
        }
        if (!node.isTextual()) {
            error(loc, "string_type", "Input should be a valid string", node, null);
            return null;
        }
        if (node.asText().strip().length() < minLength) {
            error(loc, "string_too_short", "String should have at least " + minLength + " character" + (minLength == 1 ? "" : "s"),
                    node, Map.of("min_length", minLength));
            return null;
        }
        return node.asText();
    }

    Double number(JsonNode node, List<Object> loc, Double min, Double max, boolean exclusiveMin) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber()) {
            error(loc, "float_parsing", "Input should be a valid number", node, null);
            return null;
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            error(loc, "finite_number", "Input should be a finite number", node, null);
            return null;
        }
        if (min != null && (exclusiveMin ? value <= min : value < min)) {
            error(loc, exclusiveMin ? "greater_than" : "greater_than_equal", "Input should be greater than"
                    + (exclusiveMin ? " " : " or equal to ") + trim(min), node, Map.of(exclusiveMin ? "gt" : "ge", min));
            return null;
        }
        if (max != null && value > max) {
            error(loc, "less_than_equal", "Input should be less than or equal to " + trim(max), node, Map.of("le", max));
            return null;
        }
        return value;
    }

    Integer integer(JsonNode node, List<Object> loc, Long min, Long max) {
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber() && !(node.isNumber() && node.asDouble() == Math.rint(node.asDouble()))) {
            error(loc, "int_parsing", "Input should be a valid integer", node, null);
            return null;
        }
        long value = node.asLong();
        if (min != null && value < min) {
            error(loc, "greater_than_equal", "Input should be greater than or equal to " + min, node, Map.of("ge", min));
            return null;
        }
        if (max != null && value > max || value > Integer.MAX_VALUE) {
            long limit = max == null ? Integer.MAX_VALUE : max;
            error(loc, "less_than_equal", "Input should be less than or equal to " + limit, node, Map.of("le", limit));
            return null;
        }
        return (int) value;
    }

    Boolean bool(JsonNode node, List<Object> loc) {
        if (absent(node)) {
            return null;
        }
        if (!node.isBoolean()) {
            error(loc, "bool_type", "Input should be a valid boolean", node, null);
            return null;
        }
        return node.asBoolean();
    }

    /** One of {@code allowed} (the wire's lower-case names). */
    String choice(JsonNode node, List<Object> loc, List<String> allowed) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual() || !allowed.contains(node.asText())) {
            error(loc, "enum", "Input should be " + quoted(allowed), node, Map.of("expected", quoted(allowed)));
            return null;
        }
        return node.asText();
    }

    List<String> strings(JsonNode node, List<Object> loc) {
        if (absent(node)) {
            return null;
        }
        if (!node.isArray()) {
            error(loc, "list_type", "Input should be a valid list", node, null);
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            List<Object> at = new ArrayList<>(loc);
            at.add(i);
            String value = string(node.get(i), at, true, 0);
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }

    /** An object, or null (absent, or not an object: reported). */
    JsonNode object(JsonNode node, List<Object> loc, boolean required) {
        if (absent(node)) {
            if (required) {
                error(loc, "missing", "Field required", null, null);
            }
            return null;
        }
        if (!node.isObject()) {
            error(loc, "model_attributes_type", "Input should be a valid dictionary or object", node, null);
            return null;
        }
        return node;
    }

    static List<Object> at(Object... parts) {
        return List.of(parts);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static String quoted(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : i == values.size() - 1 ? " or " : ", ").append('\'').append(values.get(i)).append('\'');
        }
        return out.toString();
    }
}
