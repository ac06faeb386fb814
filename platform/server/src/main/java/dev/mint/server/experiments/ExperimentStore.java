package dev.mint.server.experiments;

import dev.mint.server.db.Database;
import dev.mint.server.db.Like;
import dev.mint.server.db.Rows;
import dev.mint.server.db.SelectList;
import dev.mint.server.http.Page;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** SQL for experiments. Codes come from a counter row updated in the creating transaction, so they never repeat. */
public final class ExperimentStore {
    private static final SelectList COLUMNS = new SelectList(List.of("e.id", "e.experiment_code", "e.name", "e.status",
            "e.experiment_type", "e.project_id", "e.notes", "e.tags", "e.custom_metadata", "e.created_by",
            "e.parent_experiment_id", "e.start_date", "e.end_date", "e.created_at", "e.updated_at",
            "p.name AS project_name", "p.visibility AS project_visibility", "u.username AS cb_username",
            "u.shortname AS cb_shortname", "u.first_name AS cb_first_name", "u.last_name AS cb_last_name",
            "EXISTS (SELECT 1 FROM design_data d WHERE d.experiment_id = e.id) AS has_design_data"));
    static final String SELECT = "SELECT " + COLUMNS.sql()
            + " FROM experiments e LEFT JOIN projects p ON p.id = e.project_id LEFT JOIN users u ON u.id = e.created_by";

    /** Sortable columns of the list, by their wire names. */
    public static final List<String> SORT_KEYS = List.of("created_at", "updated_at", "name", "status", "experiment_code");

    /** Listing filters; empty values do not filter. */
    public record Filter(Optional<String> status, Optional<String> experimentType, Optional<String> projectName,
                         Optional<Long> projectId, Optional<String> search, Optional<Long> createdBy,
                         Optional<Instant> createdAfter, Optional<Instant> createdBefore,
                         Optional<Long> parentExperimentId) {
    }

    private static final String SELECT_BY_ID = SELECT + " WHERE e.id = ?";

    private final Database database;

    public ExperimentStore(Database database) {
        this.database = database;
    }

    /** The experiment, read in the handle's transaction. */
    public Optional<Experiment> find(Handle h, long id) {
        return database.queryById(h.getConnection(), SELECT_BY_ID, id, this::map);
    }

    /** The experiment, read on its own pooled connection: the single read of {@code GET /api/experiments/{id}}. */
    public Optional<Experiment> find(long id) {
        return database.queryById(SELECT_BY_ID, id, this::map);
    }

    /** The parent of experiment {@code id}; empty when it has none or does not exist. */
    public Optional<Long> parentOf(Handle h, long id) {
        return h.createQuery("SELECT parent_experiment_id FROM experiments WHERE id = :id").bind("id", id)
                .mapTo(Long.class).findOne();
    }

    public Page<Experiment> list(Handle h, String visibleSql, long me, Filter filter, String sortBy, boolean ascending,
                                 int skip, int limit) {
        List<String> where = new ArrayList<>(List.of(visibleSql));
        Map<String, Object> binds = new LinkedHashMap<>();
        binds.put("me", me);
        filter.status().ifPresent(v -> add(where, binds, "e.status = :status", "status", v));
        filter.experimentType().ifPresent(v -> add(where, binds, "e.experiment_type = :type", "type", v));
        filter.projectName().ifPresent(v -> add(where, binds, "p.name = :project_name", "project_name", v));
        filter.projectId().ifPresent(v -> add(where, binds, "e.project_id = :project_id", "project_id", v));
        filter.search().ifPresent(v -> add(where, binds, "(" + Like.matches("e.name", "q") + " OR "
                + Like.matches("coalesce(e.notes, '')", "q") + " OR " + Like.matches("e.experiment_code", "q") + ")",
                "q", Like.pattern(v)));
        filter.createdBy().ifPresent(v -> add(where, binds, "e.created_by = :created_by", "created_by", v));
        filter.createdAfter().ifPresent(v -> add(where, binds, "e.created_at >= :after", "after", v));
        filter.createdBefore().ifPresent(v -> add(where, binds, "e.created_at < :before", "before", v));
        filter.parentExperimentId().ifPresent(v -> add(where, binds, "e.parent_experiment_id = :parent", "parent", v));
        if (!SORT_KEYS.contains(sortBy)) {
            throw new IllegalArgumentException("Not a sort key: " + sortBy);
        }
        String clause = " WHERE " + String.join(" AND ", where);
        String direction = ascending ? " ASC" : " DESC";
        var count = h.createQuery("SELECT count(*) FROM experiments e LEFT JOIN projects p ON p.id = e.project_id" + clause);
        // Codes outgrow their three zero-padded digits (EXP-999, EXP-1000): shorter codes sort first.
        String order = sortBy.equals("experiment_code") ? "length(e.experiment_code)" + direction + ", e.experiment_code"
                : "e." + sortBy;
        var page = h.createQuery(SELECT + clause + " ORDER BY " + order + direction + ", e.id" + direction
                + " LIMIT :limit OFFSET :skip").bind("limit", limit).bind("skip", skip);
        binds.forEach((k, v) -> {
            count.bind(k, v);
            page.bind(k, v);
        });
        return new Page<>(page.map((rs, ctx) -> map(rs)).list(), count.mapTo(Long.class).one());
    }

    /** Inserts with the next {@code EXP-NNN} code; returns the new id. {@code columns} uses column names. */
    public long create(Handle h, Map<String, Object> columns, long creator) {
        long sequence = h.createQuery("UPDATE counters SET value = value + 1 WHERE name = 'experiment_code' RETURNING value")
                .mapTo(Long.class).one();
        Map<String, Object> row = new LinkedHashMap<>(columns);
        row.put("experiment_code", String.format("EXP-%03d", sequence));
        row.put("created_by", creator);
        Instant now = Instant.now();
        row.put("created_at", now);
        row.put("updated_at", now);
        String names = String.join(", ", row.keySet());
        String values = ":" + String.join(", :", row.keySet());
        var insert = h.createQuery("INSERT INTO experiments (" + names + ") VALUES (" + values + ") RETURNING id");
        row.forEach(insert::bind);
        return insert.mapTo(Long.class).one();
    }

    public void update(Handle h, long id, Map<String, Object> columns) {
        if (columns.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        columns.keySet().forEach(c -> sets.add(c + " = :" + c));
        var update = h.createUpdate("UPDATE experiments SET " + String.join(", ", sets) + ", updated_at = :now WHERE id = :id")
                .bind("id", id).bind("now", Instant.now());
        columns.forEach(update::bind);
        update.execute();
    }

    public boolean delete(Handle h, long id) {
        return h.createUpdate("DELETE FROM experiments WHERE id = :id").bind("id", id).execute() > 0;
    }

    private static void add(List<String> where, Map<String, Object> binds, String condition, String name, Object value) {
        where.add(condition);
        binds.put(name, value);
    }

    private Experiment map(ResultSet rs) throws SQLException {
        Long createdBy = Rows.nullableLong(rs, COLUMNS.at("created_by"));
        String username = rs.getString(COLUMNS.at("cb_username"));
        Experiment.CreatedByUser creator = createdBy == null || username == null ? null
                : new Experiment.CreatedByUser(createdBy, username, rs.getString(COLUMNS.at("cb_shortname")),
                        rs.getString(COLUMNS.at("cb_first_name")), rs.getString(COLUMNS.at("cb_last_name")));
        String projectName = rs.getString(COLUMNS.at("project_name"));
        return new Experiment(rs.getLong(COLUMNS.at("id")), rs.getString(COLUMNS.at("experiment_code")),
                rs.getString(COLUMNS.at("name")), rs.getString(COLUMNS.at("status")),
                rs.getString(COLUMNS.at("experiment_type")), projectName, Rows.nullableLong(rs, COLUMNS.at("project_id")),
                projectName, rs.getString(COLUMNS.at("notes")), rs.getString(COLUMNS.at("tags")),
                rs.getString(COLUMNS.at("custom_metadata")), createdBy, creator,
                Rows.nullableLong(rs, COLUMNS.at("parent_experiment_id")), rs.getString(COLUMNS.at("start_date")),
                rs.getString(COLUMNS.at("end_date")), rs.getBoolean(COLUMNS.at("has_design_data")),
                database.instant(rs, COLUMNS.at("created_at")), database.instant(rs, COLUMNS.at("updated_at")),
                rs.getString(COLUMNS.at("project_visibility")));
    }
}
