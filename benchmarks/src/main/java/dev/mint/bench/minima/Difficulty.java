package dev.mint.bench.minima;

/**
 * Hidden per-prompt difficulty. It is not written to the data set; it shows only through the prompt
 * (harder tasks get longer inputs and more constraints), through the answers' length, and through the
 * pass probabilities, where {@link #logitShift} is scaled down for strong models (see
 * {@link ModelProfiles#passProbability}).
 */
enum Difficulty {
    EASY(0.35, 0.7, 0.75),
    MEDIUM(0.40, 0.0, 1.0),
    HARD(0.25, -1.0, 1.45);

    final double share;
    final double logitShift;
    final double outputFactor;

    Difficulty(double share, double logitShift, double outputFactor) {
        this.share = share;
        this.logitShift = logitShift;
        this.outputFactor = outputFactor;
    }

    static Difficulty draw(Draw draw) {
        double u = draw.uniform();
        for (Difficulty d : values()) {
            if (u < d.share) {
                return d;
            }
            u -= d.share;
        }
        return HARD;
    }

    /** 0, 1 or 2: how much longer and more constrained the task text gets. */
    int level() {
        return ordinal();
    }
}
