package dev.mint.server.experiments;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The experiment-type table that admins extend. */
public final class ExperimentTypeStore {

    /** A type as served: {@code value}, {@code label}, {@code color} on the wire, plus the rest. */
    public record ExperimentType(String value, String label, String color, String description, int sortOrder,
                                 boolean active) {
    }

    public List<ExperimentType> list(Handle h, boolean includeInactive) {
        return h.createQuery("SELECT value, label, color, description, sort_order, active FROM experiment_types"
                        + (includeInactive ? "" : " WHERE active = :t") + " ORDER BY sort_order, value")
                .bind("t", true)
                .map((rs, ctx) -> new ExperimentType(rs.getString("value"), rs.getString("label"), rs.getString("color"),
                        rs.getString("description"), rs.getInt("sort_order"), rs.getBoolean("active")))
                .list();
    }

    public Optional<ExperimentType> find(Handle h, String value) {
        return list(h, true).stream().filter(t -> t.value().equals(value)).findFirst();
    }

    public boolean isActive(Handle h, String value) {
        return find(h, value).map(ExperimentType::active).orElse(false);
    }

    /** Adds a type; 409 when the value exists, also when a concurrent request added it first. */
    public ExperimentType create(Handle h, ExperimentType type) {
        Instant now = Instant.now();
        int inserted = h.createUpdate("INSERT INTO experiment_types (value, label, color, description, sort_order, active,"
                        + " created_at, updated_at) VALUES (:value, :label, :color, :description, :sort, :active, :now, :now)"
                        + " ON CONFLICT (value) DO NOTHING")
                .bind("value", type.value()).bind("label", type.label()).bind("color", type.color())
                .bind("description", type.description()).bind("sort", type.sortOrder()).bind("active", type.active())
                .bind("now", now).execute();
        if (inserted == 0) {
            throw new ConflictException("Experiment type '" + type.value() + "' exists", "experiment_type", "value");
        }
        return find(h, type.value()).orElseThrow();
    }

    /** Sets columns among label, color, description, sort_order, active. */
    public ExperimentType update(Handle h, String value, Map<String, Object> columns) {
        find(h, value).orElseThrow(() -> new NotFoundException("Experiment type '" + value + "' not found",
                "experiment_type", value));
        if (!columns.isEmpty()) {
            List<String> sets = new ArrayList<>();
            columns.keySet().forEach(c -> sets.add(c + " = :" + c));
            var update = h.createUpdate("UPDATE experiment_types SET " + String.join(", ", sets)
                    + ", updated_at = :now WHERE value = :value").bind("value", value).bind("now", Instant.now());
            columns.forEach(update::bind);
            update.execute();
        }
        return find(h, value).orElseThrow();
    }
}
