package dev.mint.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of the credentials file: one default host and a token per host.
 *
 * <pre>{@code
 * {"default_host": "https://mint.example.org",
 *  "hosts": {"https://mint.example.org": {"access_token": "eyJ...", "token_type": "bearer",
 *                                         "username": "alice", "expires_at": "2026-05-02T10:00:00Z"}}}
 * }</pre>
 * Host keys are normalised URLs ({@link CredentialsStore#normalizeHost}). Immutable; the {@code with...}
 * methods return changed copies.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record StoredCredentials(Optional<String> defaultHost, Map<String, HostCredentials> hosts) {
    public StoredCredentials {
        defaultHost = defaultHost == null ? Optional.empty() : defaultHost;
        hosts = hosts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
    }

    public static StoredCredentials empty() {
        return new StoredCredentials(Optional.empty(), Map.of());
    }

    public Optional<HostCredentials> forHost(String host) {
        return Optional.ofNullable(hosts.get(CredentialsStore.normalizeHost(host)));
    }

    /** Stores {@code credentials} for {@code host} and makes it the default host. */
    public StoredCredentials withHost(String host, HostCredentials credentials) {
        String key = CredentialsStore.normalizeHost(host);
        Map<String, HostCredentials> copy = new LinkedHashMap<>(hosts);
        copy.put(key, credentials);
        return new StoredCredentials(Optional.of(key), copy);
    }

    /** Replaces the token of {@code host}, keeping the default host as it is. */
    public StoredCredentials withToken(String host, HostCredentials credentials) {
        String key = CredentialsStore.normalizeHost(host);
        Map<String, HostCredentials> copy = new LinkedHashMap<>(hosts);
        copy.put(key, credentials);
        return new StoredCredentials(defaultHost, copy);
    }

    /** Forgets {@code host}; if it was the default, another stored host (if any) becomes the default. */
    public StoredCredentials withoutHost(String host) {
        String key = CredentialsStore.normalizeHost(host);
        Map<String, HostCredentials> copy = new LinkedHashMap<>(hosts);
        copy.remove(key);
        Optional<String> newDefault = defaultHost.filter(current -> !current.equals(key))
                .or(() -> copy.keySet().stream().findFirst());
        return new StoredCredentials(newDefault, copy);
    }
}
