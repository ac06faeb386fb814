package dev.mint.bench.minima;

import java.util.List;
import java.util.Locale;

/** Word lists behind the {@code {slot}} placeholders of the prompt templates. */
final class Fillers {
    private Fillers() {
    }

    static final List<String> FIRST = List.of("Anna", "Ben", "Carla", "Dmitri", "Elif", "Farid", "Grace", "Hiro",
            "Ines", "Jonas", "Kavya", "Luca", "Maya", "Nikolai", "Olga", "Pedro", "Quinn", "Rosa", "Samir", "Tess",
            "Uma", "Viktor", "Wen", "Ximena", "Yusuf", "Zofia", "Marta", "Tomás", "Aisha", "Lars", "Priya", "Owen");
    static final List<String> LAST = List.of("Andersen", "Brennan", "Costa", "Dubois", "Eriksen", "Fischer",
            "García", "Hoffmann", "Ivanova", "Jansen", "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor",
            "Petrov", "Quintana", "Rossi", "Schmidt", "Tanaka", "Umarov", "Varga", "Weber", "Yilmaz", "Zhang",
            "Novak", "Mendes", "Haddad", "Byrne", "Sato");
    static final List<String> CITY = List.of("Lyon", "Rotterdam", "Kraków", "Porto", "Gothenburg", "Leeds",
            "Bilbao", "Graz", "Brno", "Aarhus", "Turin", "Ghent", "Tampere", "Cork", "Bologna", "Leipzig",
            "Valencia", "Utrecht", "Malmö", "Nantes", "Wrocław", "Basel", "Seville", "Edinburgh");
    static final List<String> ORG = List.of("Keller Logistics", "Brightline Energy", "Norrland Timber",
            "Alder & Finch", "Corvid Analytics", "Halden Outdoor Supply", "Meridian Health", "Pellucid Labs",
            "Saltmarsh Foods", "Tidewater Shipping", "Quarry Hill Software", "Ostrava Steelworks",
            "Lumen Biotech", "Greywater Utilities", "Beacon Insurance", "Fennel & Rye Bakery", "Arcadia Rail",
            "Kestrel Aerospace", "Vireo Pharmaceuticals", "Marlow Property Group", "Silverleaf Hotels");
    static final List<String> BODY = List.of("the city council", "the regional transport authority",
            "the university hospital", "the port authority", "the ministry of health", "the national rail operator",
            "the regional government", "the water board");
    static final List<String> PRODUCT = List.of("the Atlas 2 hiking backpack", "the SmartTherm thermostat",
            "the Velo X200 e-bike", "the AquaPure water filter", "the Nimbus noise-cancelling headphones",
            "the PixelNote tablet", "the HearthPro pizza oven", "the TrailLite tent", "the Orbit robot vacuum",
            "the StudyBuddy language app", "the FreshBox meal kit subscription", "the Glide standing desk",
            "the SolarMate power bank", "the ClearView dashcam", "the Brew30 espresso machine",
            "the FitLoop smart ring", "the CityGo e-scooter", "the Lumo desk lamp");
    static final List<String> SERVICE = List.of("payments API", "login service", "search index",
            "order pipeline", "image upload service", "notification queue", "reporting database",
            "checkout page", "mobile app backend", "data warehouse sync", "single sign-on gateway",
            "recommendation service", "invoice generator", "plate reader import job");
    static final List<String> TEAM = List.of("the platform team", "the data engineering team",
            "the customer success team", "the finance team", "the mobile team", "the security team",
            "the research operations team", "the marketing team", "the facilities team", "the HR team");
    static final List<String> TOPIC = List.of("a new cycle lane network", "the closure of a regional airport",
            "rising rents in the old town", "a four-day working week trial", "a heatwave action plan",
            "the expansion of the tram line", "a ban on single-use plastics at public events",
            "a new recycling scheme for batteries", "the merger of two local hospitals",
            "free school meals for all primary pupils", "a data breach at a ticketing company",
            "a shortage of qualified nurses", "the reopening of a restored concert hall",
            "a drought affecting farmers", "a tax on short-term holiday rentals", "a new offshore wind farm",
            "the relocation of the central library", "delays to a high-speed rail project");
    static final List<String> ITEM = List.of("printer paper", "safety gloves", "laptop docks", "pipette tips",
            "office chairs", "cleaning supplies", "LED panels", "coffee beans", "shipping boxes", "microscope slides",
            "ethernet cables", "ear defenders", "toner cartridges", "lab coats", "pallet wrap");
    static final List<String> HUMAN_LANGUAGE = List.of("French", "German", "Spanish", "Italian", "Portuguese",
            "Dutch", "Polish", "Swedish", "Japanese", "Korean", "Turkish", "Czech", "Brazilian Portuguese",
            "Simplified Chinese", "Greek");
    static final List<String> WEEKDAY = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday");
    static final List<String> MONTH = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");
    static final List<String> CURRENCY = List.of("EUR", "EUR", "EUR", "GBP", "PLN", "SEK", "CHF", "USD");

    /** One value for a placeholder name. */
    static String value(String slot, Draw d) {
        return switch (slot) {
            case "first" -> d.pick(FIRST);
            case "last" -> d.pick(LAST);
            case "person" -> d.pick(FIRST) + " " + d.pick(LAST);
            case "city" -> d.pick(CITY);
            case "org" -> d.pick(ORG);
            case "body" -> d.pick(BODY);
            case "product" -> d.pick(PRODUCT);
            case "service" -> d.pick(SERVICE);
            case "team" -> d.pick(TEAM);
            case "topic" -> d.pick(TOPIC);
            case "item" -> d.pick(ITEM);
            case "language" -> d.pick(HUMAN_LANGUAGE);
            case "weekday" -> d.pick(WEEKDAY);
            case "month" -> d.pick(MONTH);
            case "currency" -> d.pick(CURRENCY);
            case "date" -> d.between(1, 28) + " " + d.pick(MONTH) + " " + d.between(2023, 2026);
            case "isodate" -> String.format(Locale.ROOT, "%d-%02d-%02d", d.between(2023, 2026), d.between(1, 12), d.between(1, 28));
            // office hours: meetings at 03:50 read as noise
            case "time" -> String.format(Locale.ROOT, "%02d:%02d", d.between(7, 18), d.pick(0, 5, 10, 15, 20, 30, 40, 45, 50));
            case "year" -> Integer.toString(d.between(2025, 2030));
            case "quarter" -> "Q" + d.between(1, 4);
            case "num" -> Integer.toString(d.between(2, 60));
            case "small" -> Integer.toString(d.between(2, 9));
            case "big" -> Integer.toString(d.between(120, 9800));
            case "percent" -> d.between(2, 45) + (d.chance(0.4) ? "." + d.between(1, 9) : "") + "%";
            case "amount" -> money(d);
            case "salary" -> {
                int low = d.between(35, 90);
                yield d.pick(CURRENCY) + " " + low + ",000 to " + (low + d.between(8, 25)) + ",000";
            }
            case "million" -> d.between(1, 95) + "." + d.between(1, 9) + " million euros";
            case "ref" -> d.pick("INV", "PO", "ORD", "TCK", "REQ") + "-" + d.between(10000, 99999);
            case "phone" -> "+" + d.pick("31", "33", "44", "46", "48", "49") + " " + d.between(10, 99) + " "
                    + d.between(100, 999) + " " + d.between(1000, 9999);
            default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
        };
    }

    static String money(Draw d) {
        int whole = d.chance(0.5) ? d.between(12, 950) : d.between(1000, 48000);
        return d.pick(CURRENCY) + " " + String.format(Locale.ROOT, "%,d.%02d", whole, d.between(0, 99));
    }

    /** "a", "a and b", "a, b and c". */
    static String naturalList(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** {@code "Anna Costa"} style name in lower-case e-mail form. */
    static String email(String person, String domain) {
        String[] parts = person.toLowerCase(Locale.ROOT).split(" ");
        return java.text.Normalizer.normalize(parts[0] + "." + parts[parts.length - 1], java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "") + "@" + domain;
    }
}
