package dev.mint.cli;

import dev.mint.client.core.JsonCodec;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

    /** Rows of cells printed in aligned columns; long cells are cut with an ellipsis. */
    final class Table {
        private final List<String> headers;
        private final List<List<String>> rows = new ArrayList<>();

        private Table(List<String> headers) {
            this.headers = headers;
        }

        Table row(Object... cells) {
            List<String> row = new ArrayList<>();
            for (Object cell : cells) {
                String text = cell == null ? "" : String.valueOf(cell).replace('\n', ' ');
                row.add(text.length() > MAX_CELL ? text.substring(0, MAX_CELL - 1) + "…" : text);
            }
            rows.add(row);
            return this;
        }

        void print() {
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
