package dev.mint.client.model;

import java.util.List;

/**
 * What {@code DELETE /api/plugins/{name}} did: {@code data} is {@code keep}, {@code archive} (tables renamed
 * as {@code archivedAs}) or {@code purge} ({@code droppedTables} gone). The plugin stops at once.
 */
public record PluginUninstallReport(String name, String version, String data, List<String> archivedAs,
                                    List<String> droppedTables, boolean restartRequired) {
}
