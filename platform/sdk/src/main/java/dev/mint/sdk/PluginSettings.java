package dev.mint.sdk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Typed settings of a plugin: a record whose components are the settings, with a
 * {@code public static R defaults()} method, and {@link Setting} annotations for descriptions and
 * bounds. Keys on the wire are snake_case ({@code rateLimit} → {@code rate_limit}).
 *
 * <p>{@link #bind} merges values over the defaults and validates every field, reporting all problems at
 * once; {@link #jsonSchema} describes the record for settings forms. Thread-safe.
 */
public final class PluginSettings<S extends Record> {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final Class<S> type;
    private final Map<String, RecordComponent> components = new LinkedHashMap<>();
    private final S defaults;

    private PluginSettings(Class<S> type) {
        this.type = type;
        for (RecordComponent component : type.getRecordComponents()) {
            components.put(wireName(component.getName()), component);
        }
        this.defaults = loadDefaults(type);
    }

    /**
     * @throws ConfigurationException when {@code type} has no {@code public static defaults()} method
     */
    public static <S extends Record> PluginSettings<S> of(Class<S> type) {
        return new PluginSettings<>(Objects.requireNonNull(type, "type == null"));
    }

    public Class<S> type() {
        return type;
    }

    public S defaults() {
        return defaults;
    }

    /** The wire keys, in declaration order. */
    public List<String> keys() {
        return List.copyOf(components.keySet());
    }

    /**
     * {@code values} over {@code base}: only the keys given change.
     *
     * @throws ValidationException listing every unknown key, wrongly typed value or value out of bounds in
     *                             {@code details.errors} (key → problem)
     */
    public S bind(S base, Map<String, ?> values) {
        Map<String, Object> merged = toMap(base);
        Map<String, String> errors = new TreeMap<>();
        values.forEach((key, value) -> {
            RecordComponent component = components.get(key);
            if (component == null) {
                errors.put(key, "unknown setting; known: " + String.join(", ", components.keySet()));
                return;
            }
            String problem = check(component, value);
            if (problem != null) {
                errors.put(key, problem);
            } else {
                merged.put(key, value);
            }
        });
        if (!errors.isEmpty()) {
            String summary = errors.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ValidationException("Invalid settings: " + summary, errors.keySet().iterator().next(),
                    values.get(errors.keySet().iterator().next()), Map.of("errors", errors));
        }
        return MAPPER.convertValue(merged, type);
    }

    /** Merges over the defaults. */
    public S bind(Map<String, ?> values) {
        return bind(defaults, values);
    }

    /** The settings as a wire map (snake_case keys, JSON values). */
    public Map<String, Object> toMap(S settings) {
        Map<String, Object> map = MAPPER.convertValue(settings,
                MAPPER.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
        return new LinkedHashMap<>(map);
    }

    /**
     * Values from environment variables {@code MINT_PLUGIN_<NAME>_<KEY>} (name and key upper-cased,
     * other characters as {@code _}), e.g. {@code MINT_PLUGIN_HELLO_MINT_RATE_LIMIT=30}.
     */
    public Map<String, Object> fromEnvironment(String pluginName, Map<String, String> env) {
        Map<String, Object> values = new LinkedHashMap<>();
        String prefix = "MINT_PLUGIN_" + envName(pluginName) + "_";
        for (String key : components.keySet()) {
            String value = env.get(prefix + envName(key));
            if (value != null) {
                values.put(key, parseEnv(components.get(key), value));
            }
        }
        return values;
    }

    /** A JSON schema of the settings for forms: types, defaults, descriptions, bounds, enum values. */
    public Map<String, Object> jsonSchema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Map<String, Object> defaultValues = toMap(defaults);
        components.forEach((key, component) -> {
            Map<String, Object> property = new LinkedHashMap<>(typeSchema(component.getType()));
            Setting setting = component.getAnnotation(Setting.class);
            property.put("title", title(component.getName()));
            if (setting != null && !setting.description().isEmpty()) {
                property.put("description", setting.description());
            }
            if (setting != null && setting.min() != Double.NEGATIVE_INFINITY) {
                property.put("minimum", number(setting.min()));
            }
            if (setting != null && setting.max() != Double.POSITIVE_INFINITY) {
                property.put("maximum", number(setting.max()));
            }
            if (setting != null && setting.secret()) {
                property.put("writeOnly", true);
                property.put("format", "password");
            } else {
                property.put("default", defaultValues.get(key));
            }
            properties.put(key, property);
        });
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("title", type.getSimpleName());
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    private String check(RecordComponent component, Object value) {
        if (value == null) {
            return component.getType().isPrimitive() ? "must not be null" : null;
        }
        Object converted;
        try {
            JavaType target = MAPPER.getTypeFactory().constructType(component.getGenericType());
            converted = MAPPER.convertValue(value, target);
        } catch (IllegalArgumentException e) {
            return "expected " + describe(component.getType()) + ", got " + jsonKind(value);
        }
        // Jackson would coerce between strings, numbers and booleans; settings forms send real JSON types.
        if (value instanceof Boolean && !(converted instanceof Boolean)
                || value instanceof Number && converted instanceof String
                || value instanceof String && (converted instanceof Number || converted instanceof Boolean)) {
            return "expected " + describe(component.getType()) + ", got " + jsonKind(value);
        }
        Setting setting = component.getAnnotation(Setting.class);
        if (setting != null && converted instanceof Number number) {
            if (number.doubleValue() < setting.min()) {
                return "must be at least " + number(setting.min());
            }
            if (number.doubleValue() > setting.max()) {
                return "must be at most " + number(setting.max());
            }
        }
        return null;
    }

    private static Object parseEnv(RecordComponent component, String value) {
        Class<?> type = component.getType();
        try {
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return Long.parseLong(value.trim());
            }
            if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return Double.parseDouble(value.trim());
            }
        } catch (NumberFormatException e) {
            return value;
        }
        if (type == boolean.class || type == Boolean.class) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("1") || v.equals("yes") ? Boolean.TRUE
                    : v.equals("false") || v.equals("0") || v.equals("no") ? Boolean.FALSE : value;
        }
        if (List.class.isAssignableFrom(type)) {
            return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        return value;
    }

    private static Map<String, Object> typeSchema(Class<?> type) {
        if (type == boolean.class || type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return Map.of("type", "integer");
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return Map.of("type", "number");
        }
        if (type.isEnum()) {
            return Map.of("type", "string", "enum", Arrays.stream(type.getEnumConstants()).map(Object::toString).toList());
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return Map.of("type", "array");
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of("type", "object");
        }
        return Map.of("type", "string");
    }

    private static String describe(Class<?> type) {
        return switch (String.valueOf(typeSchema(type).get("type"))) {
            case "integer" -> "an integer";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "an object";
            default -> type.isEnum() ? "one of " + Arrays.toString(type.getEnumConstants()) : "a string";
        };
    }

    private static String jsonKind(Object value) {
        if (value instanceof String s) {
            return "\"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof Collection) {
            return "a list";
        }
        return String.valueOf(value);
    }

    private static Object number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value;
    }

    private static String wireName(String javaName) {
        return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(javaName);
    }

    private static String envName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private static String title(String javaName) {
        String words = javaName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static <S> S loadDefaults(Class<S> type) {
        try {
            Method method = type.getMethod("defaults");
            if (!Modifier.isStatic(method.getModifiers()) || !type.isAssignableFrom(method.getReturnType())) {
                throw new NoSuchMethodException();
            }
            return type.cast(method.invoke(null));
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException("Settings record " + type.getName()
                    + " needs a 'public static " + type.getSimpleName() + " defaults()' method", "settings");
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ConfigurationException("Cannot read the defaults of " + type.getName() + ": " + e, "settings");
        }
    }
}
