package dev.mint.bench.minima;

/** Writes the distinctive task text of one category. */
interface TaskPrompts {
    /** The task text; harder prompts are longer and carry more constraints. */
    String task(Draw d, Difficulty difficulty);
}
