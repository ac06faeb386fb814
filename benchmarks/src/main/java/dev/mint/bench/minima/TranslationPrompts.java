package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translations from English into other languages, into English from them, and of UI strings. */
final class TranslationPrompts implements TaskPrompts {
    private static final Map<String, List<String>> FOREIGN = Map.of(
            "French", List.of("Nous vous informons que votre commande a été expédiée et qu'elle arrivera sous trois jours ouvrables.",
                    "La réunion de jeudi est reportée à la semaine prochaine en raison de l'absence de plusieurs participants.",
                    "Merci de bien vouloir nous faire parvenir la facture corrigée avant la fin du mois."),
            "German", List.of("Bitte beachten Sie, dass das Büro zwischen Weihnachten und Neujahr geschlossen bleibt.",
                    "Die Messergebnisse der zweiten Platte weichen deutlich von denen der ersten ab.",
                    "Wir bedauern die Verzögerung und bieten Ihnen einen Gutschein über zehn Prozent an."),
            "Spanish", List.of("El informe trimestral muestra un aumento de las ventas en todas las regiones excepto en el norte.",
                    "¿Podrías revisar el contrato antes de que lo enviemos al cliente?",
                    "Las muestras deben almacenarse a cuatro grados y analizarse en un plazo de 48 horas."),
            "Italian", List.of("Il treno per Bologna è stato cancellato a causa di uno sciopero nazionale.",
                    "Ti ringrazio per il tuo aiuto con la presentazione di ieri.",
                    "Il pagamento deve essere effettuato entro trenta giorni dalla data della fattura."),
            "Portuguese", List.of("O novo sistema de faturação entra em funcionamento no dia um de março.",
                    "Precisamos de mais duas pessoas para o turno da noite no armazém.",
                    "A equipa de suporte respondeu a todos os pedidos em menos de uma hora."),
            "Dutch", List.of("De levering van de bureaustoelen is met twee weken vertraagd.",
                    "Kunt u mij laten weten of de offerte nog geldig is?",
                    "Het nieuwe beleid geldt voor alle medewerkers, ook voor tijdelijke krachten."),
            "Polish", List.of("Spotkanie zespołu odbędzie się w piątek o godzinie dziesiątej.",
                    "Dziękujemy za zgłoszenie, odpowiemy w ciągu dwóch dni roboczych.",
                    "Faktura zostanie wysłana pocztą elektroniczną po zakończeniu projektu."));
    private static final List<String> FOREIGN_LANGUAGES = List.of("French", "German", "Spanish", "Italian", "Portuguese",
            "Dutch", "Polish");

    // Kept out of Draw.fill: the {name} and {count} placeholders belong to the strings themselves.
    private static final List<String> UI_STRINGS = List.of("\"save\": \"Save changes\"", "\"cancel\": \"Cancel\"",
            "\"delete_confirm\": \"Are you sure you want to delete this experiment? This cannot be undone.\"",
            "\"upload_hint\": \"Drag files here or click to browse\"",
            "\"error_network\": \"We couldn't reach the server. Check your connection and try again.\"",
            "\"welcome\": \"Welcome back, {name}!\"", "\"items_selected\": \"{count} items selected\"",
            "\"session_expired\": \"Your session has expired. Please sign in again.\"",
            "\"empty_state\": \"No plates yet. Start by importing a layout.\"",
            "\"password_hint\": \"Use at least 12 characters, including a number.\"");

    @Override
    public String task(Draw d, Difficulty difficulty) {
        return switch (d.between(0, 4)) {
            case 0, 1 -> fromEnglish(d, difficulty);
            case 2, 3 -> intoEnglish(d, difficulty);
            default -> uiStrings(d, difficulty);
        };
    }

    private static String fromEnglish(Draw d, Difficulty difficulty) {
        Documents.Kind kind = d.pick(Documents.Kind.NEWS, Documents.Kind.POLICY, Documents.Kind.EMAIL, Documents.Kind.MEETING);
        int sentences = switch (difficulty) {
            case EASY -> d.between(1, 2);
            case MEDIUM -> d.between(3, 4);
            case HARD -> d.between(6, 9);
        };
        String source = Documents.text(d, kind, sentences);
        String language = d.pick(Fillers.HUMAN_LANGUAGE);
        String instruction = d.pick("Translate into " + language + ".", "Translate the following text into " + language + ".",
                "Please translate this " + kind.label + " to " + language + ".", "Can you put this into " + language + "?",
                "English to " + language + ", please.");
        if (difficulty.level() >= 1 && d.chance(0.5)) {
            instruction += " " + d.pick("Keep a formal register.", "Use a friendly, informal tone.",
                    "Keep names and amounts exactly as they are.");
        }
        if (difficulty == Difficulty.HARD) {
            instruction += " Keep the line breaks, translate dates into the local format, do not translate company names, "
                    + "and add a short note on any phrase that has no direct equivalent.";
        }
        return instruction + "\n\n" + source;
    }

    private static String intoEnglish(Draw d, Difficulty difficulty) {
        String language = d.pick(FOREIGN_LANGUAGES);
        int count = switch (difficulty) {
            case EASY -> 1;
            case MEDIUM -> 2;
            case HARD -> 3;
        };
        String source = String.join(" ", d.pickDistinct(FOREIGN.get(language), count));
        String target = d.chance(0.75) ? "English" : d.pick(Fillers.HUMAN_LANGUAGE.stream().filter(l -> !l.equals(language)).toList());
        String instruction = d.pick("Translate this " + language + " text into " + target + ".",
                "What does this mean in " + target + "?", "Translate to " + target + ".",
                "I received this in " + language + ". Could you translate it into " + target + "?");
        if (difficulty == Difficulty.HARD) {
            instruction += " Give a faithful translation first, then a more natural one, and explain where they differ.";
        }
        return d.chance(0.3) ? "\"" + source + "\"\n\n" + instruction : instruction + "\n\n" + source;
    }

    private static String uiStrings(Draw d, Difficulty difficulty) {
        int count = switch (difficulty) {
            case EASY -> d.between(2, 3);
            case MEDIUM -> d.between(4, 6);
            case HARD -> UI_STRINGS.size();
        };
        List<String> entries = new ArrayList<>(d.pickDistinct(UI_STRINGS, count));
        String language = d.pick(Fillers.HUMAN_LANGUAGE);
        String json = "{\n  " + String.join(",\n  ", entries) + "\n}";
        String instruction = "Translate the values of this JSON object into " + language + ". Keep the keys unchanged"
                + d.pick(" and keep placeholders in braces as they are.", ".");
        if (difficulty == Difficulty.HARD) {
            instruction += " Keep each value within 120% of the English length, since the buttons are small, and use the "
                    + "plural forms the language needs for {count}.";
        }
        return instruction + "\n\n" + json;
    }
}
