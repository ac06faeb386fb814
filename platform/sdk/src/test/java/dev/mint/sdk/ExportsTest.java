package dev.mint.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportsTest {
    private static Map<String, Object> design() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("method", "v4");
        data.put("score", 0.92);
        data.put("samples", List.of(
                Map.of("sample_name", "S1", "name", "S1", "sample_type", "sample"),
                Map.of("name", "S2, \"B\"", "sample_type", "blank")));
        data.put("plate", Map.of("layout", Map.of("rows", 8)));
        data.put("empty", Map.of());
        data.put("groups", Map.of("A", List.of(Map.of("name", "S1"))));
        return data;
    }

    @Test
    void treeShapesListsAsCountedFoldersWithItemMetadata() throws Exception {
        List<TreeNode> tree = Exports.autoJsonToTree(design());
        assertThat(tree).extracting(TreeNode::label)
                .containsExactly("method: v4", "score: 0.92", "samples (2)", "plate / layout", "groups / A (1)");
        TreeNode samples = tree.get(2);
        assertThat(samples.type()).isEqualTo("folder");
        assertThat(samples.badge()).isEqualTo(2);
        assertThat(samples.children().get(0).id()).isEqualTo("samples.0");
        assertThat(samples.children().get(0).label()).isEqualTo("S1");
        assertThat(samples.children().get(0).metadata()).containsEntry("sample_type", "sample").doesNotContainKey("name");
        String json = new ObjectMapper().writeValueAsString(samples);
        assertThat(json).contains("\"badgeVariant\":\"default\"").doesNotContain("badge_variant");

        List<TreeNode> full = Exports.autoJsonToTree(design(), false);
        assertThat(full).extracting(TreeNode::label).contains("plate", "empty");
    }

    @Test
    void summaryHasMetadataTablesAndGroups() {
        Map<String, Object> summary = Exports.autoJsonToSummary(design());
        assertThat(summary.get("metadata")).isEqualTo(Map.of("method", "v4", "score", 0.92, "plate.layout.rows", 8));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) summary.get("sections");
        assertThat(sections).extracting(s -> s.get("key")).containsExactly("samples", "groups");
        assertThat(sections.get(0)).containsEntry("type", "table").containsEntry("label", "Samples")
                .containsEntry("row_count", 2);
        assertThat(sections.get(0).get("columns")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("name", "sample_type");
        @SuppressWarnings("unchecked")
        Map<String, Object> group = ((List<Map<String, Object>>) sections.get(1).get("items")).get(0);
        assertThat(group).containsEntry("label", "A").containsEntry("item_count", 1).containsEntry("item_key", "A")
                .containsEntry("columns", List.of("name"));
    }

    @Test
    void csvUsesTheLargestListAsRowsAndQuotes() {
        String csv = Exports.autoJsonToCsv(design());
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("method,score,plate.layout.rows,");
        assertThat(lines).hasSize(3);
        assertThat(csv).contains("\"S2, \"\"B\"\"\"").endsWith("\r\n");
        assertThat(Exports.autoJsonToCsv(Map.of("a", 1))).isEqualTo("a\r\n1\r\n");
        assertThat(Exports.autoJsonToCsv(Map.of())).isEmpty();
        assertThat(Exports.autoJsonToCsv(Map.of("tags", List.of("x", "y")))).isEqualTo("tags\r\nx;y\r\n");
    }
}
