package dev.mint.cli;

import dev.mint.client.HostCredentials;
import dev.mint.client.MintClient;
import dev.mint.tinker.client.ServiceClient;
import dev.mint.tinker.client.TinkerException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --base-url} and how {@code mint tinker} reaches a Tinker service. By default it is the Tinker plugin of
 * the platform that {@code --url} / {@code MINT_URL} / {@code mint auth login} name, called with the platform
 * token (which the plugin takes as a key). An explicit Tinker URL ({@code --base-url}, else {@code TINKER_BASE_URL}
 * when no {@code --url} is given) may be another service, so it is never sent the platform's token: it needs
 * {@code TINKER_API_KEY}. {@code TINKER_API_KEY}, when set, is the key for either.
 *
 * <p>There is no {@code --api-key} flag on purpose: as with {@code mint auth login --password-stdin}, secrets stay
 * out of the command line, where other users can read them in the process list.
 */
final class TinkerConnection {
    /** Where the platform hosts the plugin, under its URL. */
    static final String PLUGIN_PREFIX = "/api/tinker";

    @Option(names = "--base-url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "Another Tinker service's base URL, else TINKER_BASE_URL (default: <platform URL>"
                    + PLUGIN_PREFIX + "). Needs TINKER_API_KEY.")
    String baseUrl;

    /**
     * A client for the configured service. A command should fail fast rather than wait out the library's five
     * minutes of retries, so a call is retried at most twice, within five seconds (exit 7 when nothing answers).
     */
    ServiceClient client(CliContext context, Connection platform) {
        Map<String, String> env = context.environment();
        Optional<String> explicitUrl = Optional.ofNullable(baseUrl)
                .or(() -> platform.url == null ? context.env("TINKER_BASE_URL") : Optional.empty());
        Optional<String> key = context.env("TINKER_API_KEY");
        String url;
        String apiKey;
        if (explicitUrl.isPresent()) {
            url = explicitUrl.get();
            apiKey = key.orElseThrow(() -> new CliException(ExitCodes.NOT_AUTHENTICATED,
                    "No key for " + url + ": set TINKER_API_KEY (the platform token is only sent to the platform)"));
        } else {
            try (MintClient mint = platform.client(context)) {
                url = mint.baseUrl() + PLUGIN_PREFIX;
                if (key.isEmpty() && storedTokenExpired(context, platform, mint.baseUrl())) {
                    // The platform client refreshes such a token when a platform call is refused; Tinker calls
                    // cannot, so make one platform call first (it fails with exit 3 when refreshing fails).
                    mint.auth().whoami();
                }
                apiKey = key.or(mint::token).orElseThrow(() -> new CliException(ExitCodes.NOT_AUTHENTICATED,
                        "Not logged in to " + mint.baseUrl() + ": run `mint auth login --url " + mint.baseUrl()
                                + "`, or set MINT_TOKEN or TINKER_API_KEY"));
            }
        }
        return build(env, url, apiKey);
    }

    /** Whether the token comes from the credentials file, which says it has expired. */
    private static boolean storedTokenExpired(CliContext context, Connection platform, String url) {
        return context.env("MINT_TOKEN").isEmpty() && platform.store(context).load()
                .flatMap(stored -> stored.forHost(url)).flatMap(HostCredentials::expiresAt)
                .map(expiry -> expiry.isBefore(Instant.now())).orElse(false);
    }

    private static ServiceClient build(Map<String, String> env, String url, String apiKey) {
        try {
            return ServiceClient.builder().environment(env).baseUrl(url).apiKey(apiKey)
                    .maxRetries(2).retryDeadline(Duration.ofSeconds(5)).build();
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        } catch (TinkerException e) {
            throw new CliException(ExitCodes.NOT_AUTHENTICATED, e.getMessage());
        }
    }
}
