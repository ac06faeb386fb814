package dev.mint.cli;

import dev.mint.client.CredentialsStore;
import dev.mint.client.HostCredentials;
import dev.mint.client.MintClient;
import dev.mint.client.StoredCredentials;
import dev.mint.client.model.TokenResponse;
import dev.mint.client.model.TokenVerification;
import dev.mint.client.model.User;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mint auth login|logout|status|refresh}: tokens stored per host in the credentials file. */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Log in to a platform and manage the stored token (see docs/cli.md for the credentials file).")
final class AuthCommand extends PlatformGroup {
    private static final String DEFAULT_URL = "http://127.0.0.1:8001";

    @Command(name = "login", mixinStandardHelpOptions = true,
            description = {"Log in and store the token for the host, which becomes the default host.",
                "Prompts for the URL, username and password when not given (the password without echo)."})
    int login(@Option(names = "--username", paramLabel = "USER", description = "Username (prompted when absent).") String username,
              @Option(names = "--password-stdin", description = "Read the password from standard input.") boolean passwordStdin) {
        CliContext context = context();
        CredentialsStore store = connection.store(context);
        StoredCredentials stored = store.load().orElse(StoredCredentials.empty());
        String url = Connection.normalize(Optional.ofNullable(connection.url).or(() -> context.env("MINT_URL"))
                .orElseGet(() -> context.prompt("Platform URL", stored.defaultHost().orElse(DEFAULT_URL))));
        String user = username != null ? username : context.prompt("Username",
                stored.forHost(url).flatMap(HostCredentials::username).orElse(null));
        if (user.isBlank()) {
            throw CliException.usage("A username is required");
        }
        String password = passwordStdin ? Optional.ofNullable(context.readLine()).orElse("") : context.promptSecret("Password");
        try (MintClient client = MintClient.builder().environment(context.environment()).baseUrl(url).build()) {
            TokenResponse token = client.login(user, password);
            Instant expires = Instant.now().plusSeconds(token.expiresIn());
            store.save(stored.withHost(url, HostCredentials.bearer(token.accessToken(), user, expires)));
            out().line("Logged in to " + url + " as " + user + " (token expires " + Output.time(expires) + " UTC)");
        }
        return ExitCodes.OK;
    }

    @Command(name = "logout", mixinStandardHelpOptions = true,
            description = "Forget the stored token of the host (the default host unless --url).")
    int logout() {
        CliContext context = context();
        String url = connection.requireUrl(context);
        CredentialsStore store = connection.store(context);
        StoredCredentials stored = store.load().orElse(StoredCredentials.empty());
        if (stored.forHost(url).isEmpty()) {
            out().line("Not logged in to " + url);
            return ExitCodes.OK;
        }
        store.save(stored.withoutHost(url));
        out().line("Logged out of " + url);
        return ExitCodes.OK;
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show the host, user and token expiry.")
    int status(@Mixin JsonFlag json) {
        try (MintClient client = connection.authenticated(context())) {
            TokenVerification token = client.auth().verify();
            User me = client.whoami();
            if (json.json) {
                Map<String, Object> status = new LinkedHashMap<>();
                status.put("host", client.baseUrl());
                status.put("username", me.username());
                status.put("role", me.role());
                status.put("token_valid", token.valid());
                status.put("expires_at", token.expiresAt().orElse(null));
                out().json(status);
            } else {
                out().line("Host:    " + client.baseUrl());
                out().line("User:    " + me.username() + " (" + me.role() + ")");
                out().line("Token:   " + (token.valid() ? "valid" : "invalid") + ", "
                        + token.expiresAt().map(at -> "expires " + Output.time(at) + " UTC").orElse("does not expire"));
            }
        }
        return ExitCodes.OK;
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true, description = "Exchange the stored token for a fresh one.")
    int refresh() {
        CliContext context = context();
        String url = connection.requireUrl(context);
        CredentialsStore store = connection.store(context);
        StoredCredentials stored = store.load().orElse(StoredCredentials.empty());
        HostCredentials current = stored.forHost(url).orElseThrow(() -> new CliException(ExitCodes.NOT_AUTHENTICATED,
                "Not logged in to " + url + ": run `mint auth login --url " + url + "`"));
        try (MintClient client = MintClient.builder().environment(context.environment()).baseUrl(url)
                .token(current.accessToken()).build()) {
            TokenResponse token = client.auth().refresh();
            Instant expires = Instant.now().plusSeconds(token.expiresIn());
            store.save(stored.withToken(url, HostCredentials.bearer(token.accessToken(), current.username().orElse(null), expires)));
            out().line("Token refreshed for " + url + " (expires " + Output.time(expires) + " UTC)");
        }
        return ExitCodes.OK;
    }
}
