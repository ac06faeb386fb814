package dev.mint.sdk.migrations;

import java.util.regex.Pattern;

/** Guards identifiers that are spliced into DDL: plain lower-case SQL names only. */
final class Identifiers {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Identifiers() {
    }

    static String check(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name
                    + "': use lower-case letters, digits and underscores (at most 63)");
        }
        return name;
    }
}
