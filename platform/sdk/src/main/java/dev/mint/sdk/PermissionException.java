package dev.mint.sdk;

import java.util.Map;
import java.util.Optional;

/** The caller lacks a right. HTTP 403, code {@code PERMISSION_DENIED}. */
public class PermissionException extends PluginException {
    private final String requiredPermission;

    public PermissionException(String message) {
        this(message, null, Map.of());
    }

    public PermissionException(String message, String requiredPermission) {
        this(message, requiredPermission, Map.of());
    }

    public PermissionException(String message, String requiredPermission, Map<String, ?> details) {
        super(message, "PERMISSION_DENIED", details);
        this.requiredPermission = requiredPermission;
        detail("required_permission", requiredPermission);
    }

    public Optional<String> requiredPermission() {
        return Optional.ofNullable(requiredPermission);
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
