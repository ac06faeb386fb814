package dev.mint.bench.minima;

import java.util.List;

/** Knowledge questions: differences, causes, how things work, practical advice. */
final class QaPrompts implements TaskPrompts {
    private static final List<String[]> CONCEPTS = List.of(new String[] {"mitosis", "meiosis"},
            new String[] {"weather", "climate"}, new String[] {"a virus", "a bacterium"}, new String[] {"accuracy", "precision"},
            new String[] {"inflation", "deflation"}, new String[] {"DNA", "RNA"}, new String[] {"a p-value", "an effect size"},
            new String[] {"gross margin", "net margin"}, new String[] {"RAM", "storage"}, new String[] {"a process", "a thread"});
    // pairs where "when would you use one rather than the other" makes sense
    private static final List<String[]> CHOICES = List.of(new String[] {"TCP", "UDP"}, new String[] {"stocks", "bonds"},
            new String[] {"an LLC", "a sole proprietorship"}, new String[] {"a median", "a mean"},
            new String[] {"Docker containers", "virtual machines"}, new String[] {"baking soda", "baking powder"},
            new String[] {"OAuth", "OpenID Connect"}, new String[] {"a heat pump", "a gas boiler"},
            new String[] {"ELISA", "a Western blot"}, new String[] {"a fixed-rate loan", "a variable-rate loan"},
            new String[] {"PostgreSQL", "SQLite"});
    private static final List<String> WHY = List.of("the sky is blue", "bread goes stale faster in the fridge",
            "interest rates affect house prices", "antibiotics don't work against colds", "airplanes leave contrails",
            "the same code can be slower on a machine with more cores", "ice floats on water",
            "standard curves in ELISA are fitted with a four-parameter logistic model", "bond prices fall when interest rates rise",
            "leap years exist", "batteries lose capacity in cold weather", "some websites ask you to accept cookies",
            "plate edge wells often give different readings", "the Roman Empire split into two halves");
    private static final List<String> HOW = List.of("a hash map", "public-key encryption", "a vaccine", "GPS",
            "a credit score", "an induction hob", "garbage collection in Java", "PCR", "a blockchain", "noise-cancelling headphones",
            "compound interest", "a search engine's index", "database indexes", "the electoral college", "a mass spectrometer",
            "photosynthesis", "a refrigerator", "content delivery networks");
    private static final List<String> PRACTICAL = List.of("What should I check before signing a lease for an office in {city}?",
            "How much water should a 70 kg adult drink in a day, and does coffee count?",
            "What is a reasonable way to split rent between three flatmates whose rooms are different sizes?",
            "How long can cooked rice safely stay in the fridge?",
            "What are the signs that a laptop battery needs replacing?",
            "Which documents do I need to keep for my tax return, and for how long?",
            "How do I choose between a fixed and a variable rate mortgage?",
            "How many samples per group do I need to detect a 20% difference with 80% power?",
            "What does a GDPR data processing agreement have to contain?",
            "Is it safe to run a dishwasher overnight?");
    private static final List<String> AUDIENCES = List.of("to a ten-year-old", "to a new colleague with no technical background",
            "in two sentences", "as if for an exam answer", "with a concrete example", "briefly");

    @Override
    public String task(Draw d, Difficulty difficulty) {
        String question = switch (d.between(0, 3)) {
            case 0 -> {
                if (d.chance(0.5)) {
                    String[] pair = d.pick(CONCEPTS);
                    yield d.pick("What is the difference between " + pair[0] + " and " + pair[1] + "?",
                            pair[0] + " vs " + pair[1] + ": how do they differ?");
                }
                String[] pair = d.pick(CHOICES);
                yield d.pick("When would you use " + pair[0] + " rather than " + pair[1] + "?",
                        "What is the difference between " + pair[0] + " and " + pair[1] + "?",
                        "Should I choose " + pair[0] + " or " + pair[1] + "? What are the trade-offs?");
            }
            case 1 -> d.pick("Why is it that ", "Can you explain why ", "Why does it happen that ") + d.pick(WHY) + "?";
            case 2 -> d.pick("How does ", "Explain how ", "How exactly does ") + d.pick(HOW) + " work?";
            default -> d.fill(d.pick(PRACTICAL));
        };
        if (difficulty.level() >= 1 && d.chance(0.6)) {
            question += " Explain it " + d.pick(AUDIENCES) + ".";
        }
        if (difficulty == Difficulty.HARD) {
            question += " " + d.pick(
                    "Then cover the most common misconception about it, where the simple explanation breaks down, and how an expert would qualify it.",
                    "Compare the answer for three different situations, say which factors matter most, and what evidence supports that.",
                    "Include the history of how this came to be understood, and note anything that is still debated.");
            question = d.fill(d.pick("Context: I'm preparing a briefing for {team} at {org} and want to get this right.\n\n",
                    "Background: a colleague, {person}, and I disagree about this.\n\n", "")) + question;
        }
        return question;
    }
}
