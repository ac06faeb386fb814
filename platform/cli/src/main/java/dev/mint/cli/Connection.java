package dev.mint.cli;

import dev.mint.client.CredentialsStore;
import dev.mint.client.MintClient;
import dev.mint.client.StoredCredentials;
import dev.mint.client.core.RetryPolicy;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --url} (inherited by every subcommand of a group) and how commands reach the platform: URL from
 * the flag, else {@code MINT_URL}, else the default host stored by {@code mint auth login}; token from
 * {@code MINT_TOKEN}, else the one stored for that URL.
 */
final class Connection {
    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Platform URL (default: MINT_URL, else the host of `mint auth login`).")
    String url;

    CredentialsStore store(CliContext context) {
        return CredentialsStore.forEnvironment(context.environment());
    }

    /** The URL given or configured, if any. */
    Optional<String> configuredUrl(CliContext context) {
        return Optional.ofNullable(url).or(() -> context.env("MINT_URL"))
                .or(() -> store(context).load().flatMap(StoredCredentials::defaultHost))
                .map(Connection::normalize);
    }

    static String normalize(String url) {
        try {
            return CredentialsStore.normalizeHost(url);
        } catch (IllegalArgumentException e) {
            throw CliException.usage("Invalid platform URL '" + url + "': " + e.getMessage());
        }
    }

    String requireUrl(CliContext context) {
        return configuredUrl(context).orElseThrow(() -> new CliException(ExitCodes.NOT_AUTHENTICATED,
                "No platform configured: run `mint auth login`, pass --url, or set MINT_URL"));
    }

    /**
     * A client for the URL, with whatever token is configured (possibly none). A command waits at most 5 s
     * for a rate limit to pass before giving up with exit 7, not the library's minute.
     */
    MintClient client(CliContext context) {
        return MintClient.builder().environment(context.environment()).baseUrl(requireUrl(context))
                .retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ofSeconds(5))).build();
    }

    /** A client that has a token. */
    MintClient authenticated(CliContext context) {
        MintClient client = client(context);
        if (client.token().isEmpty()) {
            client.close();
            throw new CliException(ExitCodes.NOT_AUTHENTICATED, "Not logged in to " + client.baseUrl()
                    + ": run `mint auth login --url " + client.baseUrl() + "` or set MINT_TOKEN");
        }
        return client;
    }
}
