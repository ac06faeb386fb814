package dev.mint.client;

import java.util.Locale;

/** What an uninstall does with the plugin's own tables. */
public enum PluginDataMode {
    /** Leave them; a reinstall carries on with them. */
    KEEP,
    /** Rename them aside as {@code archived_<timestamp>_...}; a reinstall starts afresh. */
    ARCHIVE,
    /** Drop them, with the plugin's stored config and plugin roles. */
    PURGE;

    String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
