package dev.mint.sdk.data;

import java.time.Instant;

/** A user's role within one plugin (a free string the plugin defines, such as {@code editor}). */
public record UserPluginRole(long id, long userId, String pluginId, String role, Instant createdAt, Instant updatedAt) {
}
