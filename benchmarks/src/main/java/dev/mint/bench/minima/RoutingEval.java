package dev.mint.bench.minima;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mint.server.MintServer;
import dev.mint.server.ServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays a routing data set through Minima's real HTTP API: for each prompt, recommend (slider S, only the
 * data set's models allowed), look up the chosen model's score and cost in the data, send that back as
 * feedback. Prints, for the part after the warm-up share, accuracy, cost, savings against always-premium
 * (the model with the best mean score) and retention, next to always-cheapest, random and oracle; then
 * warm against cold (the same prompts with no memory), a learning curve and a slider sweep.
 *
 * <p>Arguments: {@code [--data FILE] [--slider S] [--warmup SHARE] [--sweep-prompts N] [--limit N] [--model-prefix P]
 * [--replays N]}; {@code --model-prefix} renames the data set's models (say {@code anon-}) so the catalog
 * knows none of them and they start from neutral priors; {@code --replays} (default 1) replays the whole
 * stream that many times in fresh namespaces and prints each, their mean, and how many meet the targets.
 * The platform runs in this JVM on a temporary SQLite file.
 */
public final class RoutingEval {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;
    private final List<String> models;

    private RoutingEval(String base, String key, List<String> models) {
        this.base = base;
        this.key = key;
        this.models = models;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path data = Path.of(options.getOrDefault("data", "benchmarks/data/minima-routing.jsonl"));
        double slider = Double.parseDouble(options.getOrDefault("slider", "5"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "0.3"));
        int sweepPrompts = Integer.parseInt(options.getOrDefault("sweep-prompts", "600"));
        List<RoutingData.Item> items = RoutingData.read(data);
        if (options.containsKey("limit")) {
            items = items.subList(0, Math.min(items.size(), Integer.parseInt(options.get("limit"))));
        }
        if (options.containsKey("model-prefix")) {
            // Unknown names: the catalog's priors do not apply, so every bit of quality must come from feedback.
            items = RoutingData.renamed(items, options.get("model-prefix"));
        }
        List<String> models = RoutingData.models(items);
        System.out.printf(Locale.ROOT, "Data: %s, %d prompts, %d models %s%n", data, items.size(), models.size(), models);

        Path dir = Files.createTempDirectory("mint-routing-eval-");
        String password = "eval-password-1";
        try (MintServer platform = MintServer.start(ServerConfig.builder().port(0).dataDir(dir).adminPassword(password).build())) {
            RoutingEval eval = new RoutingEval(platform.baseUrl() + "/api/minima/v1", setUp(platform.baseUrl(), password), models);
            eval.registerMissingModels(platform.baseUrl(), password, items);
            int start = (int) Math.round(items.size() * warmup);

            long began = System.nanoTime();
            List<Choice> warm = eval.replay(items, slider, "eval-main", true);
            double seconds = (System.nanoTime() - began) / 1e9;
            List<RoutingData.Item> tested = items.subList(start, items.size());
            System.out.printf(Locale.ROOT, "%nReplayed %d prompts in %.1f s (%.1f recommend+feedback pairs/s)%n", items.size(),
                    seconds, items.size() / seconds);
            System.out.printf(Locale.ROOT, "%nAfter the first %d prompts (warm-up %.0f%%), %d prompts, slider %.1f:%n",
                    start, 100 * warmup, tested.size(), slider);
            Policies.report(tested, warm.subList(start, warm.size()));

            List<Choice> cold = eval.replay(tested, slider, "eval-cold", false);
            double warmAccuracy = Choice.accuracy(warm.subList(start, warm.size()));
            double coldAccuracy = Choice.accuracy(cold);
            System.out.printf(Locale.ROOT, "%nWarm vs cold (same %d prompts, cold = no memory, no feedback): warm %.4f, cold %.4f,"
                    + " difference %+.4f%n", tested.size(), warmAccuracy, coldAccuracy, warmAccuracy - coldAccuracy);

            int replays = Integer.parseInt(options.getOrDefault("replays", "1"));
            if (replays > 1) {
                replays(eval, items, tested, start, slider, warm, replays);
            }

            System.out.printf(Locale.ROOT, "%nLearning curve (router, whole stream in tenths):%n%-8s %9s %12s%n", "tenth",
                    "accuracy", "cost USD");
            for (int tenth = 0; tenth < 10; tenth++) {
                List<Choice> part = warm.subList(warm.size() * tenth / 10, warm.size() * (tenth + 1) / 10);
                System.out.printf(Locale.ROOT, "%-8d %9.4f %12.4f%n", tenth + 1, Choice.accuracy(part), Choice.cost(part));
            }

            if (sweepPrompts <= 0) {
                return;
            }
            List<RoutingData.Item> sweepItems = items.subList(0, Math.min(items.size(), sweepPrompts));
            int sweepStart = (int) Math.round(sweepItems.size() * warmup);
            List<RoutingData.Item> sweepTested = sweepItems.subList(sweepStart, sweepItems.size());
            Policies.Outcome premium = Policies.premium(sweepTested);
            System.out.printf(Locale.ROOT, "%nSlider sweep (first %d prompts each, fresh memory, after %d warm-up):%n"
                    + "%-7s %9s %12s %9s %10s%n", sweepItems.size(), sweepStart, "slider", "accuracy", "cost USD", "savings",
                    "retention");
            for (int s = 0; s <= 10; s++) {
                List<Choice> run = eval.replay(sweepItems, s, "eval-sweep-" + s, true);
                List<Choice> part = run.subList(sweepStart, run.size());
                double accuracy = Choice.accuracy(part);
                double cost = Choice.cost(part);
                System.out.printf(Locale.ROOT, "%-7d %9.4f %12.4f %8.1f%% %10.4f%n", s, accuracy, cost,
                        100 * (1 - cost / premium.cost()), accuracy / premium.accuracy());
            }
        }
    }

    /** One decision of the router and what it got. */
    record Choice(String model, double score, double cost) {
        static double accuracy(List<Choice> choices) {
            return choices.stream().mapToDouble(Choice::score).average().orElse(0);
        }

        static double cost(List<Choice> choices) {
            return choices.stream().mapToDouble(Choice::cost).sum();
        }
    }

    /**
     * The whole stream replayed {@code replays} times in all (the first is {@code first}), each in a fresh
     * namespace: the router explores at random, so one replay is one draw. Prints each after the warm-up,
     * their mean, and how many meet the targets.
     */
    private static void replays(RoutingEval eval, List<RoutingData.Item> items, List<RoutingData.Item> tested, int start,
                                double slider, List<Choice> first, int replays) throws Exception {
        Policies.Outcome premium = Policies.premium(tested);
        Policies.Outcome random = Policies.random(tested);
        System.out.printf(Locale.ROOT, "%nReplays of the whole stream, each in a fresh namespace (after the warm-up):%n"
                + "%-7s %9s %12s %9s %10s%n", "replay", "accuracy", "cost USD", "savings", "retention");
        double accuracies = 0;
        double costs = 0;
        int meeting = 0;
        for (int r = 1; r <= replays; r++) {
            List<Choice> run = r == 1 ? first : eval.replay(items, slider, "eval-replay-" + r, true);
            List<Choice> part = run.subList(start, run.size());
            double accuracy = Choice.accuracy(part);
            double cost = Choice.cost(part);
            accuracies += accuracy;
            costs += cost;
            boolean meets = Policies.savesAtRetention(accuracy, cost, premium) && Policies.beats(accuracy, cost, random);
            meeting += meets ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-7d %9.4f %12.4f %8.1f%% %10.4f%s%n", r, accuracy, cost,
                    100 * (1 - cost / premium.cost()), accuracy / premium.accuracy(), meets ? "" : "   (misses a target)");
        }
        System.out.printf(Locale.ROOT, "%-7s %9.4f %12.4f %8.1f%% %10.4f%n%d of %d replays meet savings >= 30%% at retention"
                        + " >= 0.95 and beat random on accuracy and cost%n", "mean", accuracies / replays, costs / replays,
                100 * (1 - costs / replays / premium.cost()), accuracies / replays / premium.accuracy(), meeting, replays);
    }

    /** Replays {@code items} in a namespace of their own; with {@code learn}, reports each outcome back. */
    private List<Choice> replay(List<RoutingData.Item> items, double slider, String namespace, boolean learn) throws Exception {
        List<Choice> choices = new ArrayList<>(items.size());
        for (RoutingData.Item item : items) {
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("task", Map.of("task", item.prompt()));
            request.put("cost_quality_tradeoff", slider);
            request.put("constraints", Map.of("candidate_models", models));
            request.put("namespace", namespace);
            request.put("explain", false);
            JsonNode recommendation = post("/recommend", request);
            String model = recommendation.get("recommended_model").get("model_id").asText();
            RoutingData.Result result = item.models().get(model);
            choices.add(new Choice(model, result.score(), result.costUsd()));
            if (learn) {
                Map<String, Object> feedback = new LinkedHashMap<>();
                feedback.put("recommendation_id", recommendation.get("recommendation_id").asText());
                feedback.put("chosen_model_id", model);
                feedback.put("outcome", result.score() >= 0.7 ? "success" : result.score() >= 0.4 ? "partial" : "failure");
                feedback.put("quality_score", result.score());
                feedback.put("actual_cost_usd", result.costUsd());
                if (result.inputTokens() != null) {
                    feedback.put("input_tokens", result.inputTokens());
                }
                if (result.outputTokens() != null) {
                    feedback.put("output_tokens", result.outputTokens());
                }
                feedback.put("evidence_source", "judge");
                post("/feedback", feedback);
            }
        }
        return choices;
    }

    /**
     * Models of the data set that the catalog lacks are added with a price derived from their costs in the
     * data and no quality prior (neutral): quality must be learned from feedback, never from the file.
     */
    private void registerMissingModels(String platform, String password, List<RoutingData.Item> items) throws Exception {
        JsonNode catalog = get("/models");
        List<String> known = new ArrayList<>();
        catalog.get("models").forEach(m -> known.add(m.get("model_id").asText()));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (String model : models) {
            if (known.contains(model)) {
                continue;
            }
            double perToken = RoutingData.costPerToken(items, model);
            cards.add(Map.of("model_id", model, "provider", "dataset", "input_cost_per_mtok", perToken * 1e6,
                    "output_cost_per_mtok", perToken * 1e6, "context_window", 1_000_000));
        }
        if (!cards.isEmpty()) {
            String admin = login(platform, "admin", password);
            send("PUT", "/catalog", admin, Map.of("mode", "extend", "models", cards));
            System.out.printf(Locale.ROOT, "Registered %d model(s) absent from the catalog, with neutral priors%n", cards.size());
        }
    }

    /** A user for the run and an {@code mbt_} key of theirs. */
    private static String setUp(String platform, String adminPassword) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String admin = login(platform, "admin", adminPassword);
        request(client, "POST", platform + "/api/admin/users", admin,
                Map.of("username", "router", "password", "router-password-1", "role", "member"));
        String session = login(platform, "router", "router-password-1");
        return request(client, "POST", platform + "/api/users/me/tokens", session, Map.of("name", "eval", "kind", "minima"))
                .get("token").asText();
    }

    private static String login(String platform, String user, String password) throws Exception {
        return request(HttpClient.newHttpClient(), "POST", platform + "/api/auth/login", null,
                Map.of("username", user, "password", password)).get("access_token").asText();
    }

    private JsonNode post(String path, Object body) throws Exception {
        return send("POST", path, key, body);
    }

    private JsonNode get(String path) throws Exception {
        return request(http, "GET", base + path, key, null);
    }

    private JsonNode send(String method, String path, String credential, Object body) throws Exception {
        return request(http, method, base + path, credential, body);
    }

    private static JsonNode request(HttpClient client, String method, String url, String credential, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (credential != null) {
            request.header("Authorization", "Bearer " + credential);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
