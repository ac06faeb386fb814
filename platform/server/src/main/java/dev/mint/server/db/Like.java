package dev.mint.server.db;

import java.util.Locale;

/**
 * Case-insensitive substring search in SQL. {@link #matches} gives the condition for a column, to bind
 * with {@link #pattern} under the given name. The escape character is {@code !}, not a backslash: JDBI's
 * SQL lexer treats a backslash as an escape even inside quotes, which would mangle {@code ESCAPE '\'}.
 */
public final class Like {
    private Like() {
    }

    /** {@code lower(expression) LIKE :parameter ESCAPE '!'}. */
    public static String matches(String expression, String parameter) {
        return "lower(" + expression + ") LIKE :" + parameter + " ESCAPE '!'";
    }

    /** The pattern matching {@code text} anywhere, with {@code %} and {@code _} in it taken literally. */
    public static String pattern(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
