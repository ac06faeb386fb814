package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The random choices for one prompt: picks from word lists and fills {@code {slot}} placeholders. A slot
 * whose name ends in a digit ({@code {person1}}) keeps its first value for the whole prompt, so a
 * document can mention the same person twice; a plain slot draws afresh each time.
 *
 * <p>Only {@link StrictMath} is used, so the output is the same on every JVM.
 */
final class Draw {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z]+)([0-9]?)}");

    private final SplittableRandom random;
    private final Map<String, String> sticky = new HashMap<>();

    Draw(SplittableRandom random) {
        this.random = random;
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    /** Uniform integer in [low, high], both included. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /** Standard normal by Box-Muller. */
    double gaussian() {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u)) * StrictMath.cos(2.0 * StrictMath.PI * v);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    @SafeVarargs
    final <T> T pick(T... items) {
        return items[random.nextInt(items.length)];
    }

    /** {@code count} different items in random order (all of them when the list is shorter). */
    <T> List<T> pickDistinct(List<T> items, int count) {
        List<T> pool = new ArrayList<>(items);
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < count && !pool.isEmpty()) {
            chosen.add(pool.remove(random.nextInt(pool.size())));
        }
        return chosen;
    }

    /** Replaces every {@code {slot}} with a value from {@link Fillers}. */
    String fill(String template) {
        Matcher m = SLOT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (m.group(2).isEmpty()) {
                value = Fillers.value(name, this);
            } else {
                value = sticky.computeIfAbsent(m.group(), k -> Fillers.value(name, this));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Fills {@code count} distinct templates from the list and joins them with spaces. */
    String sentences(List<String> templates, int count) {
        List<String> parts = new ArrayList<>();
        for (String t : pickDistinct(templates, count)) {
            parts.add(fill(t));
        }
        return String.join(" ", parts);
    }
}
