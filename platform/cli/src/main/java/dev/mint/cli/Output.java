package dev.mint.cli;

import dev.mint.client.core.JsonCodec;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How commands print: aligned tables for people, JSON (as on the wire) for scripts. */
final class Output {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final int MAX_CELL = 48;

    private final PrintWriter out;

    Output(PrintWriter out) {
        this.out = out;
    }

    void line(String text) {
        out.println(text);
    }

    /** Pretty JSON with snake_case keys, the way the platform writes it. */
    void json(Object value) {
        out.println(JsonCodec.snakeCase().pretty(value));
    }

    Table table(String... headers) {
        return new Table(List.of(headers));
    }

    /** UTC, minutes: {@code 2026-05-01 10:00}. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String time(Optional<Instant> instant) {
        return instant.map(Output::time).orElse("");
    }

    static String text(Optional<?> value) {
        return value.map(String::valueOf).orElse("");
    }

    /** Bytes for people, powers of 1024: {@code 512 B}, {@code 1.5 KiB}, {@code 12.0 MiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** Rows of cells printed in aligned columns; long cells are cut with an ellipsis. */
    final class Table {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();
        private final Set<Integer> whole = new HashSet<>();

        private Table(List<String> headers) {
            this.headers = headers;
        }

        /** Never cuts the cells of this column (0-based): identifiers people copy, such as tinker:// paths. */
        Table whole(int column) {
            whole.add(column);
            return this;
        }

        Table row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                row.add(cell == null ? "" : String.valueOf(cell).replace('\n', ' '));
            }
            rows.add(row);
            return this;
        }

        private String cut(String text, int column) {
            return text.length() > MAX_CELL && !whole.contains(column) ? text.substring(0, MAX_CELL - 1) + "…" : text;
        }

        void print() {
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    row.set(i, cut(row.get(i), i));
                }
            }
            int[] widths = new int[headers.size()];
            for (int i = 0; i < widths.length; i++) {
                widths[i] = headers.get(i).length();
                for (List<String> row : rows) {
                    widths[i] = Math.max(widths[i], row.get(i).length());
                }
            }
            printRow(headers, widths);
            rows.forEach(row -> printRow(row, widths));
        }

        private void printRow(List<String> cells, int[] widths) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append("  ");
                }
                line.append(cells.get(i));
                if (i < cells.size() - 1) {
                    line.append(" ".repeat(widths[i] - cells.get(i).length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
