package dev.mint.bench.minima;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Code tasks: write a function, fix a bug, write a query, port or test a snippet, regexes and scripts. */
final class CodePrompts implements TaskPrompts {
    private record Spec(String what, String name) {
    }

    private record Snippet(String language, String code, String symptom) {
    }

    private static final List<Spec> SPECS = List.of(
            new Spec("returns the k most frequent words in a text, ignoring case and punctuation", "top_k_words"),
            new Spec("merges overlapping intervals given as a list of start/end pairs", "merge_intervals"),
            new Spec("checks whether a string is a valid IPv4 address", "is_valid_ipv4"),
            new Spec("parses a duration such as \"1h30m15s\" into a number of seconds", "parse_duration"),
            new Spec("computes the moving average of a list of numbers over a window of size n", "moving_average"),
            new Spec("groups a list of orders by customer id and returns the total amount per customer", "totals_by_customer"),
            new Spec("converts a Roman numeral to an integer", "roman_to_int"),
            new Spec("returns the longest common prefix of a list of strings", "longest_common_prefix"),
            new Spec("flattens an arbitrarily nested list", "flatten"),
            new Spec("validates an IBAN using the mod-97 check", "is_valid_iban"),
            new Spec("finds the shortest path between two nodes of an unweighted graph given as an adjacency list", "shortest_path"),
            new Spec("splits a list into chunks of at most n elements", "chunk"),
            new Spec("retries a function up to n times with exponential backoff and jitter", "retry_with_backoff"),
            new Spec("deduplicates customer records by e-mail address, keeping the most recently updated one", "dedupe_by_email"),
            new Spec("converts a 96-well plate position such as \"B7\" to a zero-based index and back", "well_to_index"),
            new Spec("limits calls to at most n per second using a token bucket", "token_bucket"),
            new Spec("keeps the running median of a stream of numbers", "running_median"),
            new Spec("parses one CSV line that may contain quoted fields with commas and escaped quotes", "parse_csv_line"),
            new Spec("returns all distinct permutations of a string", "unique_permutations"),
            new Spec("finds the first non-repeating character in a string", "first_unique_char"),
            new Spec("implements an LRU cache with get and put in O(1)", "lru_cache"),
            new Spec("checks whether the brackets in an expression are balanced", "balanced_brackets"),
            new Spec("computes the Levenshtein distance between two strings", "edit_distance"),
            new Spec("converts a UTC timestamp to a given IANA time zone and formats it as ISO 8601", "to_local_iso"),
            new Spec("reads a large access log and counts requests per HTTP status code", "count_status_codes"),
            new Spec("turns a title into a URL slug, so that \"Hello, World!\" becomes \"hello-world\"", "slugify"),
            new Spec("computes a serial dilution series from a stock concentration, a dilution factor and a number of steps", "dilution_series"),
            new Spec("counts the business days between two dates, excluding a list of public holidays", "business_days_between"),
            new Spec("masks all but the last four digits of a card number", "mask_card_number"),
            new Spec("orders tasks with dependencies (topological sort) and reports cycles", "topo_order"));

    private static final List<String> LANGUAGES = List.of("Python", "Python", "Java", "TypeScript", "Go", "Rust",
            "C#", "Kotlin", "JavaScript");

    private static final List<String> REQUIREMENTS = List.of(
            "Handle empty input gracefully.", "Add type annotations.", "Include a doc comment.",
            "Do not use third-party libraries.", "It must run in linear time.", "Write unit tests for the edge cases.",
            "Raise a clear error on invalid input.", "Make it safe to call from several threads.",
            "Keep memory use constant for large inputs.", "Explain the time and space complexity after the code.",
            "Avoid recursion; inputs can be deep.",
            "Log a warning instead of failing on malformed input.", "Include a short usage example.",
            "Follow the language's standard naming conventions.", "Keep it under 40 lines.");

    private static final List<Snippet> BUGS = List.of(
            new Snippet("Python", "def add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags",
                    "Tags from earlier calls show up in the results of later calls."),
            new Snippet("Python", "def last_n(items, n):\n    return items[len(items) - n - 1:]",
                    "It returns one element too many."),
            new Snippet("JavaScript", "async function saveAll(records) {\n  let saved = 0;\n  records.forEach(async (r) => {\n"
                    + "    await db.save(r);\n    saved++;\n  });\n  return saved;\n}",
                    "It always returns 0, even though the records end up in the database."),
            new Snippet("Java", "public boolean isAdmin(User user) {\n    return user.getRole() == \"admin\";\n}",
                    "Administrators loaded from the database are not recognised."),
            new Snippet("SQL", "SELECT c.name, COUNT(o.id) AS orders\nFROM customers c\nLEFT JOIN orders o ON o.customer_id = c.id\n"
                    + "WHERE o.created_at >= '2024-01-01'\nGROUP BY c.name;",
                    "Customers without orders in 2024 are missing, but they should be listed with 0."),
            new Snippet("Go", "for _, job := range jobs {\n    go func() {\n        process(job)\n    }()\n}\n"
                    + "fmt.Println(\"all jobs done\")",
                    "Some jobs are processed twice, others never, and the message prints before the work finishes."),
            new Snippet("Python", "failed = df[df[\"status\"] == \"failed\"]\nfailed[\"retries\"] = 0",
                    "The retries column of df does not change, and pandas prints a SettingWithCopyWarning."),
            new Snippet("TypeScript", "function parsePort(value: string | undefined): number {\n"
                    + "  const port = parseInt(value || \"8080\");\n  if (port < 1 || port > 65535) throw new Error(\"bad port\");\n"
                    + "  return port;\n}", "Passing \"abc\" returns NaN instead of throwing."),
            new Snippet("Python", "def find(sorted_items, target):\n    lo, hi = 0, len(sorted_items) - 1\n    while lo < hi:\n"
                    + "        mid = (lo + hi) // 2\n        if sorted_items[mid] < target:\n            lo = mid\n"
                    + "        else:\n            hi = mid\n    return lo if sorted_items[lo] == target else -1",
                    "It never returns for some inputs."),
            new Snippet("Java", "for (String name : names) {\n    if (name.isBlank()) {\n        names.remove(name);\n    }\n}",
                    "It throws ConcurrentModificationException."),
            new Snippet("Python", "def mean_ratio(a, b):\n    total = 0\n    for x, y in zip(a, b):\n        total += x / y\n"
                    + "    return total / len(a)", "It crashes on some rows and the result is wrong when the lists differ in length."),
            new Snippet("JavaScript", "const total = prices.reduce((sum, p) => sum + p);\nconsole.log(total.toFixed(2));",
                    "It throws a TypeError when the cart is empty, and the sum of 0.1 and 0.2 prints oddly in other places."));

    private static final List<String> SCHEMAS = List.of(
            "customers(id, name, country, created_at), orders(id, customer_id, total, status, created_at), "
                    + "order_items(order_id, product_id, quantity, unit_price), products(id, name, category)",
            "experiments(id, title, owner_id, started_at), plates(id, experiment_id, barcode, format), "
                    + "wells(plate_id, position, sample_id, value), users(id, name, lab)",
            "employees(id, name, department_id, manager_id, salary, hired_on), departments(id, name), "
                    + "leave_requests(id, employee_id, start_date, end_date, status)");
    private static final List<List<String>> QUERIES = List.of(
            List.of("returns the top {small} customers by total spend in {year}", "lists products that were never ordered",
                    "computes monthly revenue for the last 12 months, including months without orders",
                    "finds customers whose first order was in {month} {year}",
                    "returns the average order value per country, only for countries with at least {num} orders"),
            List.of("returns, for each experiment, the number of plates and the mean well value",
                    "finds plates where more than {num} wells have no value",
                    "lists users who own more than {small} experiments started this year",
                    "returns the {small} highest well values per plate using a window function"),
            List.of("returns each department's median salary", "lists employees who earn more than their manager",
                    "finds overlapping approved leave requests within the same department",
                    "builds the reporting chain above employee {big} with a recursive CTE"));

    private static final List<String> REGEX_TARGETS = List.of("UK postcodes", "ISO 8601 dates with an optional time part",
            "semantic version strings such as 1.4.0-beta.2", "hexadecimal colour codes with 3 or 6 digits",
            "lines of an nginx access log, capturing the path and the status code",
            "e-mail addresses on the company domain only", "96-well plate positions from A1 to H12",
            "invoice references of the form INV- followed by five digits");
    private static final List<String> SCRIPT_TASKS = List.of("finds files larger than 100 MB under /data and lists them by size",
            "renames every .jpeg file in a folder to .jpg", "backs up a PostgreSQL database every night and keeps the last 7 dumps",
            "checks that a list of URLs answers with HTTP 200 and reports the failures",
            "tails a log file and sends an alert when the word ERROR appears more than {num} times a minute",
            "archives folders older than 30 days into dated tar.gz files");

    @Override
    public String task(Draw d, Difficulty difficulty) {
        return switch (d.between(0, 5)) {
            case 0, 1 -> writeFunction(d, difficulty);
            case 2 -> fixBug(d, difficulty);
            case 3 -> sql(d, difficulty);
            case 4 -> portOrTest(d, difficulty);
            default -> regexOrScript(d, difficulty);
        };
    }

    private String writeFunction(Draw d, Difficulty difficulty) {
        Spec spec = d.pick(SPECS);
        String language = d.pick(LANGUAGES);
        String name = language.startsWith("Python") || language.equals("Rust") ? spec.name() : camel(spec.name());
        String opener = d.pick("Write a %s function `%s` that %s.", "Implement `%2$s` in %1$s: it %3$s.",
                "I need a %s function called `%s` that %s.", "Can you write %s code for `%s`, which %s?",
                "Please write a %s function named `%s` that %s.");
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, opener, language, name, spec.what()));
        appendRequirements(d, difficulty, out);
        if (difficulty == Difficulty.HARD) {
            out.append(d.fill("\n\nContext: this runs inside the {service} at {org}, which handles about {big} requests a minute, "
                    + "so performance and clear error messages matter."));
        }
        return out.toString();
    }

    private String fixBug(Draw d, Difficulty difficulty) {
        Snippet bug = d.pick(BUGS);
        String fence = "```" + bug.language().toLowerCase(Locale.ROOT) + "\n" + bug.code() + "\n```";
        String text = switch (d.between(0, 2)) {
            case 0 -> "This " + bug.language() + " code has a bug. " + bug.symptom() + " Can you find and fix it?\n\n" + fence;
            case 1 -> fence + "\n\n" + bug.symptom() + " Why, and how do I fix it?";
            default -> "Fix the bug in the following " + bug.language() + " snippet (" + bug.symptom().toLowerCase(Locale.ROOT)
                    .replaceAll("\\.$", "") + "):\n\n" + fence;
        };
        if (difficulty.level() >= 1) {
            text += "\n\n" + d.pick("Explain the root cause in two sentences.", "Show the corrected code only.",
                    "Keep the function signature unchanged.");
        }
        if (difficulty == Difficulty.HARD) {
            text += d.fill(" Also write a regression test that would have caught it, and check whether the same "
                    + "mistake can occur elsewhere in code like this. It runs in the {service} and was introduced in "
                    + "last {weekday}'s release, so tell me whether the data written since then needs repair.");
        }
        return text;
    }

    private String sql(Draw d, Difficulty difficulty) {
        int schema = d.between(0, SCHEMAS.size() - 1);
        String dialect = d.pick("PostgreSQL", "MySQL", "SQLite", "SQL Server");
        String ask = d.fill(d.pick(QUERIES.get(schema)));
        StringBuilder out = new StringBuilder(d.pick("Given the tables ", "Schema: ", "We have these tables: ")
                + SCHEMAS.get(schema) + ".\n\nWrite a " + dialect + " query that " + ask + ".");
        if (difficulty.level() >= 1) {
            out.append(" ").append(d.pick("Order the result sensibly.", "Avoid correlated subqueries.",
                    "Name every output column."));
        }
        if (difficulty == Difficulty.HARD) {
            out.append(" Then add a second query that ").append(d.fill(d.pick(QUERIES.get(schema))))
                    .append(", explain which indexes both queries need, and how NULLs are treated.");
        }
        return out.toString();
    }

    private String portOrTest(Draw d, Difficulty difficulty) {
        Snippet snippet = d.pick(BUGS);
        String fence = "```" + snippet.language().toLowerCase(Locale.ROOT) + "\n" + snippet.code() + "\n```";
        String text;
        if (d.chance(0.5)) {
            String target = d.pick(LANGUAGES.stream().filter(l -> !l.equals(snippet.language())).toList());
            text = d.pick("Port this " + snippet.language() + " code to " + target + ", fixing anything that looks wrong:\n\n",
                    "Rewrite the following in idiomatic " + target + ":\n\n") + fence;
        } else {
            String framework = d.pick("pytest", "JUnit 5", "Jest", "Go's testing package", "xUnit", "Vitest");
            text = "Write " + framework + " tests for this code, covering normal and edge cases:\n\n" + fence;
        }
        if (difficulty == Difficulty.HARD) {
            text += "\n\nKeep behaviour identical for valid inputs, document every behaviour change you make for invalid ones, "
                    + "and add property-based tests where the framework allows it.";
        }
        return text;
    }

    private String regexOrScript(Draw d, Difficulty difficulty) {
        StringBuilder out = new StringBuilder();
        if (d.chance(0.5)) {
            out.append("Write a regular expression that matches ").append(d.pick(REGEX_TARGETS)).append(".");
            out.append(d.pick(" Use Python's re syntax.", " It is for JavaScript.", " Explain each part.", ""));
        } else {
            out.append("Write a ").append(d.pick("bash", "PowerShell", "Python")).append(" script that ")
                    .append(d.fill(d.pick(SCRIPT_TASKS))).append(".");
        }
        appendRequirements(d, difficulty, out);
        return out.toString();
    }

    private static void appendRequirements(Draw d, Difficulty difficulty, StringBuilder out) {
        int count = switch (difficulty) {
            case EASY -> d.between(0, 1);
            case MEDIUM -> d.between(1, 2);
            case HARD -> d.between(3, 5);
        };
        List<String> picked = d.pickDistinct(REQUIREMENTS, count);
        if (picked.isEmpty()) {
            return;
        }
        if (count >= 3) {
            out.append("\n\nRequirements:");
            for (String r : picked) {
                out.append("\n- ").append(r);
            }
        } else {
            out.append(" ").append(String.join(" ", picked));
        }
    }

    private static String camel(String snake) {
        List<String> parts = new ArrayList<>(List.of(snake.split("_")));
        StringBuilder out = new StringBuilder(parts.remove(0));
        for (String p : parts) {
            out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return out.toString();
    }
}
