package dev.mint.server.db;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a hand-written SELECT, with each one's position by label, so a hot row mapper reads by
 * index: SQLite's driver answers a read by name with a native lookup of all column names per result.
 * A label is the alias after {@code AS}, else the column name after the table prefix.
 */
public final class SelectList {
    private final List<String> expressions;
    private final Map<String, Integer> positions = new HashMap<>();

    public SelectList(List<String> expressions) {
        this.expressions = List.copyOf(expressions);
        for (int i = 0; i < expressions.size(); i++) {
            String expression = expressions.get(i);
            int as = expression.toUpperCase(Locale.ROOT).lastIndexOf(" AS ");
            String label = as >= 0 ? expression.substring(as + 4) : expression.substring(expression.lastIndexOf('.') + 1);
            if (positions.put(label.trim(), i + 1) != null) {
                throw new IllegalArgumentException("Two columns labelled " + label);
            }
        }
    }

    /** {@code col1, col2, ...} for the SELECT clause. */
    public String sql() {
        return String.join(", ", expressions);
    }

    /** The 1-based JDBC position of the column labelled {@code label}. */
    public int at(String label) {
        Integer position = positions.get(label);
        if (position == null) {
            throw new IllegalArgumentException("No column labelled " + label);
        }
        return position;
    }
}
