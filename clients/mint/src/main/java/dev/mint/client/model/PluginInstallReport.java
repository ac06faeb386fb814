package dev.mint.client.model;

import java.util.List;
import java.util.Optional;

/**
 * What {@code POST /api/plugins/upload} did: the plugin installed as {@code file} in the plugins directory,
 * the version it replaced if any, and warnings (such as a missing dependency). It loads at the next start.
 */
public record PluginInstallReport(String name, String version, String routesPrefix, String file,
                                  Optional<String> replacedVersion, boolean restartRequired, List<String> warnings) {
}
