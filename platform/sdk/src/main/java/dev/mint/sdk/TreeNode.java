package dev.mint.sdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One node of the tree the platform UI shows for design data ({@code SampleHierarchyTree}). Wire names
 * are fixed by the UI, {@code badgeVariant} included, whatever the JSON naming elsewhere.
 *
 * @param type         {@code folder} for containers, {@code custom} for items and values
 * @param badge        item count of a list, else null
 * @param badgeVariant {@code default}, {@code success}, {@code warning} or {@code error}, with a badge
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TreeNode(@JsonProperty("id") String id, @JsonProperty("label") String label,
                       @JsonProperty("type") String type, @JsonProperty("icon") String icon,
                       @JsonProperty("children") List<TreeNode> children,
                       @JsonProperty("metadata") Map<String, Object> metadata,
                       @JsonProperty("badge") Integer badge, @JsonProperty("badgeVariant") String badgeVariant) {
    public TreeNode {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(label, "label == null");
        children = children == null ? null : List.copyOf(children);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }
}
