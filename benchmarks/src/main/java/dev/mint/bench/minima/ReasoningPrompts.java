package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;

/** Multi-step reasoning: word problems with numbers, logic puzzles, sequences and estimates. */
final class ReasoningPrompts implements TaskPrompts {
    private static final List<String> DAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    private static final List<String[]> SYLLOGISMS = List.of(
            new String[] {"lab technicians", "trained in biosafety", "allowed to work alone"},
            new String[] {"premium subscribers", "verified users", "beta testers"},
            new String[] {"electric buses", "vehicles with batteries", "made in Poland"},
            new String[] {"contracts signed this year", "reviewed by legal", "worth more than a million euros"},
            new String[] {"senior engineers", "people on the on-call rota", "based in Lisbon"});
    private static final List<String> FERMI = List.of("how many piano tuners work in {city}",
            "how many litres of coffee the employees of a 2,000-person company drink in a year",
            "how many pipette tips a 20-person laboratory uses per month",
            "how much storage a year of 1080p dashcam footage needs if the car is driven an hour a day",
            "how many bicycles pass a busy junction in {city} on a weekday",
            "how many customer support tickets a shop with {big} orders a day should expect per week");

    @Override
    public String task(Draw d, Difficulty difficulty) {
        String text = switch (d.between(0, 10)) {
            case 0 -> trains(d);
            case 1 -> work(d);
            case 2 -> mixture(d);
            case 3 -> percents(d);
            case 4 -> ages(d);
            case 5 -> marbles(d);
            case 6 -> schedule(d, difficulty);
            case 7 -> syllogism(d);
            case 8 -> sequence(d);
            case 9 -> clock(d);
            default -> d.fill("Estimate " + d.pick(FERMI) + ". State every assumption with a number and show the calculation.");
        };
        if (difficulty == Difficulty.HARD) {
            text += "\n\n" + d.pick(
                    "Then change one of the given quantities by 20% and explain how the answer moves, without redoing everything from scratch.",
                    "Solve it two different ways and check that both give the same answer. If they disagree, find the mistake.",
                    "Also state the assumptions the problem leaves implicit and whether any of them changes the answer.");
        } else if (difficulty == Difficulty.MEDIUM && d.chance(0.6)) {
            text += " " + d.pick("Show your reasoning step by step.", "Explain how you got there.",
                    "Give the final answer on its own line.");
        }
        return text;
    }

    private static String trains(Draw d) {
        int distance = d.between(12, 60) * 10;
        return d.fill("A train leaves {city1} at " + d.between(6, 10) + ":" + d.pick("00", "15", "30", "45")
                + " travelling at " + d.between(6, 16) * 10 + " km/h towards {city2}, which is " + distance
                + " km away. A second train leaves {city2} " + d.between(1, 6) * 10 + " minutes later, travelling towards {city1} at "
                + d.between(7, 18) * 10 + " km/h. At what time do they meet, and how far from {city1}?");
    }

    private static String work(Draw d) {
        return d.fill("{first1} can repaint the meeting room alone in " + d.between(3, 9) + " hours; {first2} would need "
                + d.between(4, 12) + " hours. {first1} starts at 9:00 and {first2} joins " + d.pick("30 minutes", "an hour", "90 minutes")
                + " later. When will the room be finished, assuming they work at constant rates?");
    }

    private static String mixture(Draw d) {
        int low = d.between(2, 10);
        int high = d.between(low + 10, 40);
        int target = d.between(low + 2, high - 2);
        return "How many litres of a " + low + "% saline solution must be mixed with " + d.between(2, 20)
                + " litres of a " + high + "% solution to obtain a " + target + "% solution?";
    }

    private static String percents(Draw d) {
        return d.fill("The price of {product} rose by " + d.between(5, 40) + "% in spring, fell by " + d.between(5, 40)
                + "% in summer and rose again by " + d.between(2, 15) + "% in autumn. Is it now more or less expensive than at "
                + "the start of the year, and by what percentage? A colleague says the changes \"roughly cancel out\"; is that right?");
    }

    private static String ages(Draw d) {
        int young = d.between(4, 15);
        int factor = d.between(2, 4);
        int years = d.between(3, 12);
        int sum = young * (factor + 1) + 2 * years;
        return d.fill("{first1} is " + factor + " times as old as {first2}. In " + years + " years the sum of their ages will be "
                + sum + ". How old is each of them today?");
    }

    private static String marbles(Draw d) {
        return "A bag contains " + d.between(2, 9) + " red, " + d.between(2, 9) + " green and " + d.between(1, 6)
                + " blue marbles. Two marbles are drawn without replacement. What is the probability that they have different "
                + "colours? And that at least one is blue?";
    }

    /** A presentation rota with true clues; whether they pin down one solution is part of the question. */
    private static String schedule(Draw d, Difficulty difficulty) {
        List<String> people = new ArrayList<>();
        while (people.size() < 5) {
            String name = d.pick(Fillers.FIRST);
            if (!people.contains(name)) {
                people.add(name);
            }
        }
        List<String> order = d.pickDistinct(people, 5); // order.get(i) presents on DAYS.get(i)
        List<String> clues = new ArrayList<>();
        int wanted = 3 + difficulty.level() + d.between(0, 1);
        int guard = 0;
        while (clues.size() < wanted && guard++ < 50) {
            int a = d.between(0, 4);
            int b = d.between(0, 4);
            String clue = switch (d.between(0, 3)) {
                case 0 -> a < b ? order.get(a) + " presents earlier in the week than " + order.get(b) + "." : null;
                case 1 -> Math.abs(a - b) == 1 ? order.get(a) + " and " + order.get(b) + " present on consecutive days." : null;
                case 2 -> a != 0 && a != 4 ? order.get(a) + " presents neither on Monday nor on Friday." : null;
                default -> a != b ? order.get(a) + " does not present on " + DAYS.get(b) + "." : null;
            };
            if (clue != null && !clues.contains(clue)) {
                clues.add(clue);
            }
        }
        StringBuilder out = new StringBuilder("Five colleagues, " + String.join(", ", people.subList(0, 4)) + " and "
                + people.get(4) + ", each give one presentation from Monday to Friday, one per day. Clues:");
        for (int i = 0; i < clues.size(); i++) {
            out.append("\n").append(i + 1).append(". ").append(clues.get(i));
        }
        out.append("\nWho presents on which day? If the clues allow more than one schedule, list them all.");
        return out.toString();
    }

    private static String syllogism(Draw d) {
        String[] s = d.pick(SYLLOGISMS);
        return d.pick("All " + s[0] + " are " + s[1] + ". Some people who are " + s[1] + " are " + s[2]
                        + ". Does it follow that some " + s[0] + " are " + s[2] + "? Explain, with a counterexample if not.",
                "No " + s[0] + " are " + s[2] + ". All " + s[0] + " are " + s[1] + ". Can we conclude that some people who are "
                        + s[1] + " are not " + s[2] + "? Justify your answer.");
    }

    private static String sequence(Draw d) {
        List<Integer> terms = new ArrayList<>();
        int a = d.between(1, 9);
        int b = d.between(2, 7);
        int rule = d.between(0, 3);
        for (int n = 0; n < 6; n++) {
            terms.add(switch (rule) {
                case 0 -> a + b * n * n;
                case 1 -> a * (int) StrictMath.pow(2, n) + b;
                case 2 -> n % 2 == 0 ? a + n * b : a - n;
                default -> n < 2 ? a + n * b : 0;
            });
            if (rule == 3 && n >= 2) {
                terms.set(n, terms.get(n - 1) + terms.get(n - 2));
            }
        }
        return "What are the next two numbers in the sequence " + terms.toString().replaceAll("[\\[\\]]", "")
                + ", ...? Describe the rule you found and why it is the simplest one.";
    }

    private static String clock(Draw d) {
        return "What is the smaller angle between the hour and minute hands of an analogue clock at " + d.between(1, 12) + ":"
                + String.format(java.util.Locale.ROOT, "%02d", d.between(1, 59)) + "? How many times between noon and midnight "
                + "do the hands form exactly that angle?";
    }
}
