package dev.mint.sdk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Generic views of any JSON-like design or result payload (maps, lists, scalars), in the shapes the
 * platform UI renders. {@link AnalysisPlugin} uses them for its default exports.
 *
 * <ul>
 *   <li>{@link #autoJsonToTree}: an object becomes a folder per key; a list a folder "key (n)" whose
 *       items are nodes labelled by their {@code name}, {@code label} or {@code id}, with their scalar
 *       fields as metadata; other scalars become leaves "key: value".</li>
 *   <li>{@link #autoJsonToSummary}: top-level scalars become {@code metadata}; a list of objects a
 *       {@code table} section; an object of lists of objects a {@code group} section; other objects are
 *       read recursively with dotted keys.</li>
 *   <li>{@link #autoJsonToCsv}: the largest list of objects gives the rows (nested fields as dotted
 *       columns); every scalar outside it is repeated as a column; RFC 4180 quoting.</li>
 * </ul>
 */
public final class Exports {
    private static final List<String> LABEL_FIELDS = List.of("name", "label", "id");

    private Exports() {
    }

    // ---- tree ------------------------------------------------------------------------------------------

    /** The tree with single-child folder chains collapsed and empty containers left out. */
    public static List<TreeNode> autoJsonToTree(Map<String, ?> data) {
        return autoJsonToTree(data, true);
    }

    public static List<TreeNode> autoJsonToTree(Map<String, ?> data, boolean compact) {
        List<TreeNode> nodes = new ArrayList<>();
        data.forEach((key, value) -> {
            TreeNode node = node(key, key, value, compact);
            if (node != null) {
                nodes.add(node);
            }
        });
        return nodes;
    }

    private static TreeNode node(String id, String key, Object value, boolean compact) {
        if (value instanceof Map<?, ?> map) {
            List<TreeNode> children = new ArrayList<>();
            map.forEach((k, v) -> {
                TreeNode child = node(id + "." + k, String.valueOf(k), v, compact);
                if (child != null) {
                    children.add(child);
                }
            });
            if (compact && children.isEmpty()) {
                return null;
            }
            if (compact && children.size() == 1 && "folder".equals(children.get(0).type())) {
                TreeNode only = children.get(0);
                return new TreeNode(only.id(), key + " / " + only.label(), "folder", null, only.children(), Map.of(),
                        only.badge(), only.badgeVariant());
            }
            return new TreeNode(id, key, "folder", null, children, Map.of(), null, null);
        }
        if (value instanceof Collection<?> list) {
            if (compact && list.isEmpty()) {
                return null;
            }
            List<TreeNode> children = new ArrayList<>();
            int index = 0;
            for (Object item : list) {
                children.add(item(id + "." + index, key, index, item, compact));
                index++;
            }
            return new TreeNode(id, key + " (" + list.size() + ")", "folder", null, children, Map.of(), list.size(), "default");
        }
        return new TreeNode(id, key + ": " + scalarText(value), "custom", null, null, Map.of(), null, null);
    }

    private static TreeNode item(String id, String key, int index, Object item, boolean compact) {
        if (!(item instanceof Map<?, ?> map)) {
            return new TreeNode(id, scalarText(item), "custom", null, null, Map.of(), null, null);
        }
        String label = LABEL_FIELDS.stream().filter(f -> map.get(f) != null && !(map.get(f) instanceof Map)
                        && !(map.get(f) instanceof Collection))
                .map(f -> scalarText(map.get(f))).findFirst().orElse(key + "[" + index + "]");
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<TreeNode> children = new ArrayList<>();
        map.forEach((k, v) -> {
            String field = String.valueOf(k);
            if (v instanceof Map || v instanceof Collection) {
                TreeNode child = node(id + "." + field, field, v, compact);
                if (child != null) {
                    children.add(child);
                }
            } else if (!scalarText(v).equals(label) || !LABEL_FIELDS.contains(field)) {
                metadata.put(field, v);
            }
        });
        return new TreeNode(id, label, "custom", null, children.isEmpty() ? null : children, metadata, null, null);
    }

    // ---- summary ---------------------------------------------------------------------------------------

    /** {@code {"metadata": {...}, "sections": [...]}}. */
    public static Map<String, Object> autoJsonToSummary(Map<String, ?> data) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        List<Map<String, Object>> sections = new ArrayList<>();
        summarize("", data, metadata, sections);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("metadata", metadata);
        summary.put("sections", sections);
        return summary;
    }

    private static void summarize(String prefix, Map<?, ?> data, Map<String, Object> metadata,
                                  List<Map<String, Object>> sections) {
        data.forEach((k, value) -> {
            String key = prefix + k;
            if (isListOfObjects(value)) {
                sections.add(table(key, (Collection<?>) value));
            } else if (value instanceof Map<?, ?> map && !map.isEmpty()
                    && map.values().stream().allMatch(Exports::isListOfObjects)) {
                sections.add(group(key, map));
            } else if (value instanceof Map<?, ?> map) {
                summarize(key + ".", map, metadata, sections);
            } else {
                metadata.put(key, value);
            }
        });
    }

    private static Map<String, Object> table(String key, Collection<?> rows) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("key", key);
        section.put("label", title(key));
        section.put("type", "table");
        List<Map<String, Object>> flatRows = flatRows(rows);
        section.put("columns", columns(flatRows));
        section.put("rows", flatRows);
        section.put("row_count", flatRows.size());
        return section;
    }

    private static Map<String, Object> group(String key, Map<?, ?> groups) {
        List<Map<String, Object>> items = new ArrayList<>();
        groups.forEach((name, rows) -> {
            List<Map<String, Object>> flatRows = flatRows((Collection<?>) rows);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("label", String.valueOf(name));
            item.put("metadata", Map.of());
            item.put("item_count", flatRows.size());
            item.put("item_key", String.valueOf(name));
            item.put("columns", columns(flatRows));
            item.put("rows", flatRows);
            items.add(item);
        });
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("key", key);
        section.put("label", title(key));
        section.put("type", "group");
        section.put("items", items);
        return section;
    }

    // ---- CSV -------------------------------------------------------------------------------------------

    /** CSV text with a header row; lines end with CRLF as RFC 4180 says. Empty input gives empty text. */
    public static String autoJsonToCsv(Map<String, ?> data) {
        String rowsPath = largestListOfObjects(data);
        Map<String, Object> shared = new LinkedHashMap<>();
        flattenScalars("", data, rowsPath, shared);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (rowsPath == null) {
            if (!shared.isEmpty()) {
                rows.add(shared);
            }
        } else {
            for (Map<String, Object> row : flatRows((Collection<?>) at(data, rowsPath))) {
                Map<String, Object> combined = new LinkedHashMap<>(shared);
                combined.putAll(row);
                rows.add(combined);
            }
        }
        List<String> columns = columns(rows);
        if (columns.isEmpty()) {
            return "";
        }
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", columns.stream().map(Exports::csvCell).toList())).append("\r\n");
        for (Map<String, Object> row : rows) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                Object value = row.get(column);
                cells.add(csvCell(value == null ? "" : scalarText(value)));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        return csv.toString();
    }

    /** The dotted path of the longest list of objects (the first of equals), or null. */
    private static String largestListOfObjects(Map<?, ?> data) {
        Map<String, Integer> lists = new LinkedHashMap<>();
        collectListsOfObjects("", data, lists);
        String best = null;
        for (Map.Entry<String, Integer> entry : lists.entrySet()) {
            if (best == null || entry.getValue() > lists.get(best)) {
                best = entry.getKey();
            }
        }
        return best;
    }

    private static void collectListsOfObjects(String prefix, Map<?, ?> data, Map<String, Integer> out) {
        data.forEach((k, value) -> {
            if (isListOfObjects(value)) {
                out.put(prefix + k, ((Collection<?>) value).size());
            } else if (value instanceof Map<?, ?> map) {
                collectListsOfObjects(prefix + k + ".", map, out);
            }
        });
    }

    private static Object at(Map<?, ?> data, String dottedPath) {
        Object current = data;
        for (String part : dottedPath.split("\\.")) {
            current = ((Map<?, ?>) current).get(part);
        }
        return current;
    }

    private static void flattenScalars(String prefix, Map<?, ?> data, String skipPath, Map<String, Object> out) {
        data.forEach((k, value) -> {
            String key = prefix + k;
            if (key.equals(skipPath)) {
                return;
            }
            if (value instanceof Map<?, ?> map) {
                flattenScalars(key + ".", map, skipPath, out);
            } else if (value instanceof Collection<?> list && !isListOfObjects(value)) {
                out.put(key, joinScalars(list));
            } else if (!(value instanceof Collection)) {
                out.put(key, value);
            }
        });
    }

    // ---- shared helpers --------------------------------------------------------------------------------

    private static List<Map<String, Object>> flatRows(Collection<?> rows) {
        List<Map<String, Object>> flat = new ArrayList<>();
        for (Object row : rows) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (row instanceof Map<?, ?> map) {
                flattenRow("", map, out);
            } else {
                out.put("value", row);
            }
            flat.add(out);
        }
        return flat;
    }

    private static void flattenRow(String prefix, Map<?, ?> row, Map<String, Object> out) {
        row.forEach((k, v) -> {
            String key = prefix + k;
            if (v instanceof Map<?, ?> nested) {
                flattenRow(key + ".", nested, out);
            } else if (v instanceof Collection<?> list) {
                out.put(key, isListOfObjects(v) ? list.size() + " items" : joinScalars(list));
            } else {
                out.put(key, v);
            }
        });
    }

    private static List<String> columns(List<Map<String, Object>> rows) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        return List.copyOf(columns);
    }

    private static boolean isListOfObjects(Object value) {
        return value instanceof Collection<?> list && !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map);
    }

    private static String joinScalars(Collection<?> list) {
        return String.join(";", list.stream().map(Exports::scalarText).toList());
    }

    private static String scalarText(Object value) {
        if (value == null) {
            return "null";
        }
        return String.valueOf(value);
    }

    private static String csvCell(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static String title(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).replace('_', ' ').replace('-', ' ');
        return last.isEmpty() ? key : Character.toUpperCase(last.charAt(0)) + last.substring(1).toLowerCase(Locale.ROOT);
    }
}
