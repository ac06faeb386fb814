package dev.mint.minima.engine;

import java.util.Locale;

/** How hard a task is; harder tasks are expected to produce longer answers. */
public enum Difficulty {
    TRIVIAL(0.5), EASY(0.75), MEDIUM(1.0), HARD(1.5), EXPERT(2.0);

    private final double outputMultiplier;
    private final String wireName = name().toLowerCase(Locale.ROOT);

    Difficulty(double outputMultiplier) {
        this.outputMultiplier = outputMultiplier;
    }

    /** Expected output length relative to a medium task. */
    public double outputMultiplier() {
        return outputMultiplier;
    }

    public String wireName() {
        return wireName;
    }

    public static Difficulty fromWire(String value) {
        for (Difficulty difficulty : values()) {
            if (difficulty.wireName().equals(value)) {
                return difficulty;
            }
        }
        return null;
    }

    static Difficulty ofLevel(int level) {
        return values()[Math.max(0, Math.min(values().length - 1, level))];
    }
}
