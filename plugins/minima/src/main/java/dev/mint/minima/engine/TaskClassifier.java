package dev.mint.minima.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Task type and difficulty of a prompt when the caller does not say: keyword evidence per type, weighted
 * toward the end of the prompt (where the actual request usually is, after instructions and context), and
 * difficulty from length, complexity markers and type. Caller values always win.
 */
public final class TaskClassifier {
    /** What was decided and where it came from ({@code caller} or {@code heuristic}). */
    public record Classification(TaskType taskType, Difficulty difficulty, String typeSource, String difficultySource,
                                 double confidence) {
    }

    /** A type and how sure of it. */
    record Guess(TaskType type, double confidence) {
    }

    private final TaskPrototypes prototypes;

    /** Keywords only. */
    public TaskClassifier() {
        this.prototypes = null;
    }

    /** Keywords, and the encoder's view of the prompt compared with prototypes of each type. */
    public TaskClassifier(Embedder embedder) {
        this.prototypes = new TaskPrototypes(embedder);
    }

    private record Rule(TaskType type, Pattern pattern, double weight) {
    }

    private static final List<Rule> RULES = List.of(
            rule(TaskType.CODE, "```|\\bdef |\\bclass \\w+|\\bfunction\\b|\\bimport \\w|\\bselect .* from\\b|\\bregex|stack ?trace"
                    + "|\\bcompile|\\brefactor|\\bimplement|\\bdebug|\\bbugs?\\b|unit tests?|\\bpytest\\b|\\bjava(script)?\\b|\\bpython\\b"
                    + "|\\bsql\\b|\\b\\w+\\.(py|java|js|ts|go|rs|cpp|rb)\\b|\\bapi endpoint|\\bcode\\b", 1.0),
            rule(TaskType.TRANSLATION, "\\btranslat|\\b(into|to|in) (french|spanish|german|italian|japanese|chinese|portuguese|dutch|korean)\\b", 1.5),
            rule(TaskType.SUMMARIZATION, "\\bsummar|\\btl;?dr\\b|\\bcondense|\\bin brief\\b|\\bkey points\\b|\\bbullet", 1.2),
            rule(TaskType.EXTRACTION, "\\bextract|\\bparse\\b|\\bpull out\\b|\\blist all\\b|\\bfind all\\b|json schema|\\bfields?\\b.*\\bfrom\\b", 1.2),
            rule(TaskType.CLASSIFICATION, "\\bclassif|\\bcategori[sz]|\\blabel\\b|\\bsentiment|which (category|class|label)|true or false|\\bspam\\b", 1.3),
            rule(TaskType.TOOL_USE, "\\bcall the\\b|use the tool|function call|tool call|api call", 1.2),
            rule(TaskType.RAG, "based on the (following|context|document)|according to the|\\bcontext:|given the passage", 1.1),
            rule(TaskType.CREATIVE, "write an? (story|poem|song|essay|haiku|limerick)|\\bcreative|\\bimagine\\b|\\bbrainstorm|\\bslogan", 1.2),
            rule(TaskType.REASONING, "\\bprove\\b|\\bcalculate|\\bsolve\\b|\\bequation|step by step|\\breason(ing)?\\b|\\bderive\\b"
                    + "|\\bwhy (does|is|are)\\b|\\btrade-?off|\\balgorithm|\\bprobability|\\bpuzzle|\\blogic", 1.0),
            rule(TaskType.QA, "^(what|who|when|where|why|how|which|is|are|does|can)\\b|\\?\\s*$", 0.6));

    private static final Pattern MARKERS = Pattern.compile("\\band then\\b|\\bmust\\b|\\bensure\\b|\\bconstraint|\\boptimi[sz]e"
            + "|edge case|\\bstep \\d|concurren|thread-safe|distributed|\\bmigration|\\batomic|\\bsla\\b|\\bproof\\b");

    private static Rule rule(TaskType type, String regex, double weight) {
        return new Rule(type, Pattern.compile(regex, Pattern.MULTILINE), weight); // matched against lower-cased text
    }

    /**
     * Classifies {@code text} (best without its recurring template) whose vector is {@code vector} (null:
     * keywords only).
     */
    public Classification classify(String text, float[] vector, TaskType callerType, Difficulty callerDifficulty) {
        if (callerType != null || prototypes == null || vector == null) {
            return classify(text, callerType, callerDifficulty);
        }
        Guess guess = prototypes.classify(vector, scores(text));
        Difficulty difficulty = callerDifficulty != null ? callerDifficulty : difficulty(text, guess.type());
        return new Classification(guess.type(), difficulty, "embedding", callerDifficulty != null ? "caller" : "heuristic",
                guess.confidence());
    }

    public Classification classify(String text, TaskType callerType, Difficulty callerDifficulty) {
        TaskType type = callerType;
        String typeSource = "caller";
        double confidence = 0.95;
        if (type == null) {
            Map<TaskType, Double> scores = scores(text);
            type = TaskType.OTHER;
            double best = 0;
            double second = 0;
            for (Map.Entry<TaskType, Double> score : scores.entrySet()) {
                if (score.getValue() > best) {
                    second = best;
                    best = score.getValue();
                    type = score.getKey();
                } else if (score.getValue() > second) {
                    second = score.getValue();
                }
            }
            typeSource = "heuristic";
            confidence = best == 0 ? 0.2 : Math.min(0.9, 0.4 + 0.5 * (best - second) / best);
        }
        Difficulty difficulty = callerDifficulty != null ? callerDifficulty : difficulty(text, type);
        return new Classification(type, difficulty, typeSource, callerDifficulty != null ? "caller" : "heuristic", confidence);
    }

    /** Keyword evidence per type, from the first and last 1,500 characters; matches in the last count double. */
    public static Map<TaskType, Double> scores(String text) {
        // Lower case once, so that the rules match case-sensitively (several times faster than ignoring case).
        String lower = text.toLowerCase(Locale.ROOT);
        String tail = lower.length() > 1500 ? lower.substring(lower.length() - 1500) : lower;
        // Before the tail, only the start of a long text is read: the request sits at one end or the other,
        // and scanning a whole document with every rule cost more than the rest of classifying.
        String head = lower.length() > 1500 ? lower.substring(0, Math.min(1500, lower.length() - 1500)) : "";
        Map<TaskType, Double> scores = new EnumMap<>(TaskType.class);
        for (Rule rule : RULES) {
            int inTail = count(rule.pattern(), tail);
            int inText = Math.min(3, inTail + (head.isEmpty() ? 0 : count(rule.pattern(), head)));
            double score = rule.weight() * (inText + 2 * Math.min(3, inTail));
            if (score > 0) {
                scores.merge(rule.type(), score, Double::sum);
            }
        }
        return scores;
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int n = 0;
        while (matcher.find() && n < 10) {
            n++;
        }
        return n;
    }

    /**
     * From the length of the request itself (the last 1,500 characters: long shared instructions before it
     * say nothing of how hard it is), complexity markers and the type.
     */
    private static Difficulty difficulty(String text, TaskType type) {
        String tail = text.length() > 1500 ? text.substring(text.length() - 1500) : text;
        int words = tail.isBlank() ? 0 : tail.trim().split("\\s+").length;
        int level = words < 25 ? 1 : words < 80 ? 2 : words < 200 ? 3 : 4;
        if (count(MARKERS, tail) >= 2) {
            level++;
        }
        switch (type) {
            case CODE, REASONING -> level++;
            case CLASSIFICATION, EXTRACTION, SUMMARIZATION, TRANSLATION -> level--;
            default -> { }
        }
        return Difficulty.ofLevel(level);
    }
}
