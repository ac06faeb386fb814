package dev.mint.cli;

import dev.mint.client.MintApiException;
import dev.mint.client.MintClient;
import dev.mint.client.MintConnectionException;
import dev.mint.client.model.Health;
import dev.mint.client.model.TokenVerification;
import dev.mint.client.model.User;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code mint status}: the configured host, who is logged in and until when, whether the platform
 * answers, and its plugins. Prints what it can even when the platform is down (then exits 7).
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the host, the logged-in user, the platform's health and its plugins.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    MintCommand root;
    @Mixin
    Connection connection;
    @Mixin
    JsonFlag json;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, Object> status = new LinkedHashMap<>();
        int exit = ExitCodes.OK;
        try (MintClient client = connection.client(root.context)) {
            status.put("host", client.baseUrl());
            try {
                Health health = client.health();
                status.put("reachable", true);
                status.put("version", health.version().orElse(null));
                status.put("database", health.database().orElse(null));
                status.put("plugins", health.plugins().stream().map(p -> Map.of("name", p.name(),
                        "version", p.version().orElse(""), "status", p.status().orElse(""))).toList());
            } catch (MintConnectionException unreachable) {
                status.put("reachable", false);
                status.put("error", unreachable.getMessage());
                exit = ExitCodes.UNAVAILABLE;
            }
            if (client.token().isEmpty()) {
                status.put("user", null);
            } else if (exit == ExitCodes.OK) {
                try {
                    TokenVerification token = client.auth().verify();
                    User me = client.whoami();
                    status.put("user", me.username());
                    status.put("role", me.role());
                    status.put("token_expires_at", token.expiresAt().orElse(null));
                } catch (MintApiException rejected) {
                    status.put("user", null);
                    status.put("token_error", rejected.getMessage());
                }
            }
        }
        print(status);
        return exit;
    }

    private void print(Map<String, Object> status) {
        Output out = new Output(spec.commandLine().getOut());
        if (json.json) {
            out.json(status);
            return;
        }
        out.line("Host:     " + status.get("host"));
        if (Boolean.TRUE.equals(status.get("reachable"))) {
            out.line("Platform: reachable, version " + status.get("version") + ", " + status.get("database"));
        } else {
            out.line("Platform: unreachable (" + status.get("error") + ")");
        }
        Object user = status.get("user");
        if (user != null) {
            out.line("User:     " + user + " (" + status.get("role") + ")");
            out.line("Token:    " + Optional.ofNullable(status.get("token_expires_at"))
                    .map(at -> "valid, expires " + Output.time((java.time.Instant) at) + " UTC").orElse("valid, does not expire"));
        } else if (status.containsKey("token_error")) {
            out.line("User:     not logged in (" + status.get("token_error") + ")");
        } else if (Boolean.TRUE.equals(status.get("reachable"))) {
            out.line("User:     not logged in (run `mint auth login`)");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) status.getOrDefault("plugins", List.of());
        if (Boolean.TRUE.equals(status.get("reachable"))) {
            out.line("Plugins:  " + (plugins.isEmpty() ? "none" : ""));
            plugins.forEach(p -> out.line("  " + p.get("name") + " " + p.get("version") + " (" + p.get("status") + ")"));
        }
    }
}
