package dev.mint.bench.minima;

/** Summaries of a given document, with the instruction before or after the text. */
final class SummarizationPrompts implements TaskPrompts {
    @Override
    public String task(Draw d, Difficulty difficulty) {
        Documents.Kind kind = d.pick(Documents.Kind.values());
        int sentences = switch (difficulty) {
            case EASY -> d.between(4, 6);
            case MEDIUM -> d.between(7, 10);
            case HARD -> d.between(12, 16);
        };
        String document = Documents.text(d, kind, sentences);
        String shape = d.pick(" in " + d.between(3, 5) + " bullet points", " in under " + d.between(4, 12) * 10 + " words",
                " in one paragraph", " in " + d.between(2, 3) + " sentences", "", " for someone who missed it");
        String instruction = d.pick("Summarize the following " + kind.label + shape + ".",
                "Summarise this " + kind.label + shape + ".", "Give me a summary of the " + kind.label + " below" + shape + ".",
                "Write a short summary of this " + kind.label + shape + ".", "Condense the " + kind.label + " below" + shape + ".",
                "TL;DR this " + kind.label + shape + ", please.");
        if (difficulty.level() >= 1 && d.chance(0.6)) {
            instruction += " " + d.pick("Keep the numbers exact.", "Lead with the decision or main finding.",
                    "Write it for an executive audience.", "Do not add anything that is not in the text.");
        }
        if (difficulty == Difficulty.HARD) {
            instruction += " " + d.pick(
                    "Then list the open questions and the risks separately, and name who owns each follow-up.",
                    "After the summary, add a one-line headline and a list of every date and owner mentioned.",
                    "Produce two versions: one for the team involved and one for customers, without internal details.");
        }
        return d.chance(0.35) ? document + "\n\n" + instruction : instruction + "\n\n" + document;
    }
}
