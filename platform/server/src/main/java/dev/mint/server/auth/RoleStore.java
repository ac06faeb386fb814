package dev.mint.server.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mint.server.http.Json;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The roles table, read once at start: roles change only through migrations for now. */
public final class RoleStore {
    private final Map<String, Role> bySlug = new LinkedHashMap<>();

    public RoleStore(Jdbi jdbi) {
        jdbi.useHandle(h -> h.createQuery("SELECT id, slug, name, color, description, permissions, project_scope"
                        + " FROM roles ORDER BY id")
                .map((rs, ctx) -> {
                    EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
                    for (JsonNode p : Json.read(rs.getString("permissions"))) {
                        Permission.fromWire(p.asText()).ifPresent(permissions::add);
                    }
                    return new Role(rs.getLong("id"), rs.getString("slug"), rs.getString("name"), rs.getString("color"),
                            rs.getString("description"), permissions, rs.getString("project_scope"));
                })
                .forEach(role -> bySlug.put(role.slug(), role)));
    }

    public Optional<Role> find(String slug) {
        return Optional.ofNullable(bySlug.get(Role.normalize(slug)));
    }

    /** The role of a stored user; a slug missing from the table (impossible by foreign key) grants nothing. */
    public Role of(String slug) {
        return find(slug).orElseGet(() -> new Role(0, slug, slug, null, null, EnumSet.noneOf(Permission.class), "assigned"));
    }

    public List<Role> all() {
        return List.copyOf(bySlug.values());
    }

    public List<String> slugs() {
        return List.copyOf(bySlug.keySet());
    }
}
