package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;

/** Labelling short texts: sentiment, ticket routing, spam, headline topics, intents and urgency. */
final class ClassificationPrompts implements TaskPrompts {
    private record Scheme(String question, String subject, List<String> labels, List<String> texts) {
    }

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("the sentiment of this review", "review", List.of("positive", "negative", "neutral"), List.of(
                    "I bought {product} for my partner and she hasn't stopped using it. Worth every cent.",
                    "{product} arrived scratched and the replacement took three weeks. Not buying from this shop again.",
                    "It's fine. Does what the box says, nothing more.",
                    "Setup was painless and it has worked every day since {month}.",
                    "The app keeps logging me out and support just sends canned replies.",
                    "Average quality for the price; delivery to {city} took four days.",
                    "Honestly better than the model that costs twice as much.",
                    "Stopped charging after a month. The refund was quick, at least.",
                    "Works, but the fan is louder than I expected.")),
            new Scheme("the team that should handle this support ticket", "support ticket", List.of("billing", "technical", "account", "shipping", "other"), List.of(
                    "I was charged twice for order {ref}. Please refund the duplicate payment of {amount}.",
                    "The export button does nothing in Firefox; in Chrome it downloads an empty file.",
                    "I can't log in since I changed my e-mail address to my new work one.",
                    "My package was marked as delivered on {date} but it is not here and the neighbours don't have it.",
                    "Could you add a dark mode? The white screen is hard on the eyes at night.",
                    "Please delete my account and all the data you hold about me.",
                    "Your invoice shows the old VAT number for {org}; we need a corrected copy for our auditors.",
                    "The {service} times out whenever I upload more than {num} files at once.",
                    "The courier left the box in the rain and the {item} inside are soaked.")),
            new Scheme("the spam status of this message", "message", List.of("spam", "not spam"), List.of(
                    "Congratulations! You have been selected to receive a {amount} gift card. Click here within 24 hours to claim.",
                    "Hi {first}, the slides from {weekday}'s workshop are in the shared folder. Let me know if anything is missing.",
                    "URGENT: your mailbox is full. Verify your password at the link below to avoid losing messages.",
                    "Reminder: the {team} lunch is moved to {time} on {weekday}.",
                    "We noticed unusual activity on your account. Reply with your card number to confirm your identity.",
                    "Your order {ref} has shipped and should arrive on {date}.",
                    "Earn {amount} a week from home, no experience needed!!! Limited places.",
                    "Can you review my pull request before the release on {date}? It's small.")),
            new Scheme("the topic of this headline", "headline", List.of("politics", "business", "technology", "sports", "health", "science", "entertainment"), List.of(
                    "{org} shares jump {percent} after quarterly results beat forecasts",
                    "Parliament passes budget after all-night session",
                    "{city} wins bid to host 2031 cycling world championships",
                    "New study links poor sleep to higher risk of heart disease",
                    "Start-up unveils chip that halves the energy use of AI data centres",
                    "Telescope spots water vapour in the atmosphere of a distant planet",
                    "Veteran director's new film opens to sell-out crowds in {city}",
                    "Minister resigns over {topic}",
                    "Hospital waiting lists fall for the first time in three years",
                    "{org} to cut {big} jobs as demand slows")),
            new Scheme("the intent of this message to a voice assistant", "voice assistant request", List.of("set_alarm", "play_music", "weather", "book_table", "track_package", "small_talk"), List.of(
                    "Wake me up at {time} tomorrow.", "Put on something relaxing.", "Do I need an umbrella in {city} today?",
                    "Get me a table for {small} at an Italian place near the station tonight.", "Where is my parcel from {org}?",
                    "How are you doing today?", "Is it going to be colder on {weekday}?", "Play the new album by that band I liked last week.",
                    "Has my order {ref} left the warehouse yet?")),
            new Scheme("the urgency of this e-mail", "e-mail", List.of("high", "medium", "low"), List.of(
                    "The {service} is down for all customers in {city}. Please call me now.",
                    "Could you send me the {quarter} figures sometime next week?",
                    "Our certificate expires tomorrow and the renewal has failed twice.",
                    "FYI, the office coffee machine is being replaced on {date}.",
                    "The auditors need the signed contract with {org} by the end of today.",
                    "When you have a moment, could you look at my holiday request for {month}?",
                    "A customer reports that they can see another customer's invoices in their account.")));

    @Override
    public String task(Draw d, Difficulty difficulty) {
        Scheme scheme = d.pick(SCHEMES);
        int items = difficulty == Difficulty.HARD ? d.between(4, 6) : 1;
        List<String> texts = new ArrayList<>();
        for (String t : d.pickDistinct(scheme.texts(), items)) {
            texts.add(d.fill(t));
        }
        if (difficulty.level() >= 1 && items == 1 && d.chance(0.5)) {
            // a second sentence from the same bank makes the signal mixed or diluted
            texts.set(0, texts.get(0) + " " + d.fill(d.pick(scheme.texts())));
        }
        String labels = String.join(", ", scheme.labels());
        StringBuilder out = new StringBuilder();
        if (items == 1) {
            out.append(d.pick("Identify " + scheme.question() + ". Labels: " + labels + ".",
                    "What is " + scheme.question() + "? Answer with one of: " + labels + ".",
                    "Label " + scheme.question() + " as one of [" + labels + "]. Reply with the label only.",
                    "Pick the right category for " + scheme.question() + " (" + labels + ")."));
            out.append("\n\n").append(d.pick("Text: ", "Input: ", "")).append(texts.get(0));
        } else {
            out.append(d.pick("Classify each numbered " + scheme.subject() + " below",
                    "For every " + scheme.subject() + " in the list, give " + scheme.question().replace("this ", "the ")))
                    .append(". Allowed labels: ").append(labels).append(". Return a JSON array of objects with the keys ")
                    .append("\"item\", \"label\" and \"confidence\" (0 to 1).");
            for (int i = 0; i < texts.size(); i++) {
                out.append("\n").append(i + 1).append(". ").append(texts.get(i));
            }
            out.append("\nIf an item fits two labels, choose the one that needs action first.");
        }
        return out.toString();
    }
}
