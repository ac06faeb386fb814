package dev.mint.bench.minima;

import java.util.List;

/** Creative writing: stories, poems, taglines, speeches, dialogues and product copy. */
final class CreativePrompts implements TaskPrompts {
    private static final List<String> CHARACTERS = List.of("a retired lighthouse keeper", "a nervous first-year PhD student",
            "a robot that sorts recycling", "a night-shift nurse", "a twelve-year-old chess prodigy", "a grumpy bakery owner",
            "a lab technician who hears the centrifuge talking", "an astronaut on her last mission", "a delivery cyclist",
            "a museum guard", "two estranged sisters", "a translator at a peace conference", "a beekeeper in {city}");
    private static final List<String> SITUATIONS = List.of("finds a letter addressed to their future self",
            "has to deliver a cake across a flooded city", "discovers that the office printer predicts the future",
            "is locked in a library overnight", "receives a parcel meant for someone who died years ago",
            "must give a speech in a language they barely speak", "loses the only key to the lab freezer",
            "meets their childhood hero on a delayed train", "wakes up to find the town's clocks have all stopped");
    private static final List<String> FORMS = List.of("a haiku", "a limerick", "a sonnet", "a short free-verse poem",
            "four rhyming couplets", "a ballad of three stanzas");
    private static final List<String> TONES = List.of("wry", "melancholic", "hopeful", "suspenseful", "whimsical",
            "understated", "warm");
    private static final List<String> POEM_TOPICS = List.of("the first frost", "a Monday morning stand-up", "a 96-well plate",
            "migrating geese", "an empty railway station", "the smell of rain on hot asphalt", "a forgotten password",
            "the last day before retirement", "the sea at {city}");
    private static final List<String> OCCASIONS = List.of("a colleague's retirement after 30 years", "my sister's wedding",
            "the opening of a new community garden", "the end of a difficult project", "a school's 100th anniversary",
            "welcoming new interns to {org}");

    @Override
    public String task(Draw d, Difficulty difficulty) {
        String text = switch (d.between(0, 5)) {
            case 0 -> d.fill("Write a " + d.pick(TONES) + " short story, about " + d.between(2, 8) * 100 + " words, about "
                    + d.pick(CHARACTERS) + " who " + d.pick(SITUATIONS) + ".");
            case 1 -> d.fill("Write " + d.pick(FORMS) + " about " + d.pick(POEM_TOPICS) + ".");
            case 2 -> d.fill(d.pick("Come up with " + d.between(3, 10) + " taglines for {product}.",
                    "Write a punchy product description for {product}, around " + d.between(5, 15) * 10 + " words.",
                    "Draft the launch announcement for {product} as a social media post."));
            case 3 -> d.fill("Write a " + d.between(2, 5) + "-minute " + d.pick(TONES) + " speech for " + d.pick(OCCASIONS) + ".");
            case 4 -> d.fill("Write a dialogue between " + String.join(" and ", d.pickDistinct(CHARACTERS, 2))
                    + " in which " + d.pick("one of them has to apologise", "they negotiate over the last seat on a bus",
                    "they discover they have met before", "they plan a surprise party", "they argue about whether to call for help") + ".");
            default -> d.fill(d.pick("Write the opening paragraph of a novel set in {city} in the year 2090.",
                    "Write a riddle whose answer is \"" + d.pick("a shadow", "a calendar", "an echo", "a pipette", "a map") + "\".",
                    "Write the chorus of a folk song about " + d.pick(POEM_TOPICS) + ".",
                    "Write a bedtime story for a five-year-old about " + d.pick(CHARACTERS) + "."));
        };
        if (difficulty.level() >= 1 && d.chance(0.6)) {
            text += " " + d.pick("Use the present tense.", "Write in the first person.", "Avoid clichés.",
                    "Make it funny without being mean.", "End with a surprise.");
        }
        if (difficulty == Difficulty.HARD) {
            text += d.fill(" Constraints: include the words \"" + d.pick("lantern", "threshold", "ledger", "saffron", "static")
                    + "\" and \"" + d.pick("harbour", "receipt", "orbit", "velvet", "quorum") + "\"; no character may say the word \"sorry\"; "
                    + "the tone should shift from " + d.pick(TONES) + " to " + d.pick(TONES) + "; and give it a title that only makes sense "
                    + "at the end. Then, in two sentences, explain the choices you made.");
        }
        return text;
    }
}
