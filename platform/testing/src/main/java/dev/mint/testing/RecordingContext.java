package dev.mint.testing;

import dev.mint.sdk.ConflictException;
import dev.mint.sdk.PlatformContext;
import dev.mint.sdk.PluginDatabase;
import dev.mint.sdk.data.DesignData;
import dev.mint.sdk.data.ExperimentRepository;
import dev.mint.sdk.data.PluginAnalysisResult;
import dev.mint.sdk.data.PluginDataRepository;
import dev.mint.sdk.data.PluginRoleRepository;
import dev.mint.sdk.data.User;
import dev.mint.sdk.data.UserPluginRole;
import dev.mint.sdk.data.UserRepository;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.Handler;
import io.javalin.http.UnauthorizedResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link PlatformContext} for plugin tests. Its plugin data repository, plugin role
 * repository and settings store really store (in maps), so {@code saveDesign}/{@code loadDesign},
 * {@code saveAnalysis}/{@code loadAnalysis}, {@code requirePluginRole} and {@code saveSettings} behave as on
 * the platform; every call through the context is recorded in {@link #calls()}. The current user is the
 * one given to {@link #setCurrentUser} (by default {@link #TEST_USER}, a member); {@link #signOut()}
 * makes requests unauthenticated. There is no experiment repository and no shared database: tests of
 * those belong against a real platform. Thread-safe.
 */
public final class RecordingContext implements PlatformContext {
    /** The default current user: id 1, {@code test-user}, role {@code member}. */
    public static final User TEST_USER = user(1, "test-user", "member");

    /** One recorded call: the context or repository method and its arguments. */
    public record Call(String method, List<Object> args) {
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, DesignData> designs = new ConcurrentHashMap<>();
    private final Map<String, PluginAnalysisResult> results = new ConcurrentHashMap<>();
    private final Map<String, UserPluginRole> roles = new ConcurrentHashMap<>();
    private final Map<Long, User> users = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile User currentUser = TEST_USER;
    private volatile Map<String, Object> settings = Map.of();
    private volatile int settingsRevision;
    private volatile Map<String, Object> config = Map.of("version", "test");
    private volatile PluginDatabase database;

    public RecordingContext() {
        users.put(TEST_USER.id(), TEST_USER);
    }

    /** A user with the given id, name and platform role. */
    public static User user(long id, String username, String role) {
        Instant now = Instant.now();
        return new User(id, username, role, true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), now, now);
    }

    /** Makes {@code user} the caller of every request (and known to the user repository). */
    public RecordingContext setCurrentUser(User user) {
        users.put(user.id(), user);
        currentUser = user;
        return this;
    }

    /** Makes requests unauthenticated. */
    public RecordingContext signOut() {
        currentUser = null;
        return this;
    }

    /**
     * Makes {@code database} the plugin's {@link #sharedDatabase()}. {@link PluginTesting#buildTestApp}
     * does this itself (a migrated SQLite file) for plugins that declare {@code requiresSharedDatabase}.
     */
    public RecordingContext setDatabase(PluginDatabase database) {
        this.database = database;
        return this;
    }

    /** Whether a database was set with {@link #setDatabase}. */
    public boolean hasDatabase() {
        return database != null;
    }

    public RecordingContext setConfig(Map<String, Object> config) {
        this.config = Map.copyOf(config);
        return this;
    }

    /** Everything called so far, in order. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The recorded calls of one method, e.g. {@code "saveExperimentData"}. */
    public List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    private void record(String method, Object... args) {
        calls.add(new Call(method, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(args)))));
    }

    @Override
    public Optional<User> currentUser(Context ctx) {
        record("currentUser");
        return Optional.ofNullable(currentUser);
    }

    @Override
    public User requireUser(Context ctx) {
        record("requireUser");
        User user = currentUser;
        if (user == null) {
            throw new UnauthorizedResponse("Not authenticated");
        }
        return user;
    }

    /** A recording context has no projects. */
    @Override
    public List<Long> projectIdsOf(long userId) {
        record("projectIdsOf", userId);
        return List.of();
    }

    @Override
    public Optional<UserRepository> userRepository() {
        record("userRepository");
        return Optional.of(userRepository);
    }

    @Override
    public Optional<ExperimentRepository> experimentRepository() {
        record("experimentRepository");
        return Optional.empty();
    }

    @Override
    public Optional<PluginDataRepository> pluginDataRepository() {
        record("pluginDataRepository");
        return Optional.of(dataRepository);
    }

    @Override
    public Optional<PluginRoleRepository> pluginRoleRepository() {
        record("pluginRoleRepository");
        return Optional.of(roleRepository);
    }

    /** Checks roles in plugin {@code "*"}: any plugin's role row for the user counts, as tests have one plugin. */
    @Override
    public Handler requirePluginRole(String... allowed) {
        List<String> allowedRoles = List.of(allowed);
        return ctx -> {
            record("requirePluginRole", allowedRoles);
            User user = currentUser;
            if (user == null) {
                throw new UnauthorizedResponse("Not authenticated");
            }
            if (user.isAdmin()) {
                return;
            }
            boolean granted = roles.values().stream()
                    .anyMatch(r -> r.userId() == user.id() && allowedRoles.contains(r.role()));
            if (!granted) {
                throw new ForbiddenResponse("Requires plugin role " + String.join(" or ", allowedRoles));
            }
        };
    }

    @Override
    public Map<String, Object> config() {
        record("config");
        return config;
    }

    @Override
    public Map<String, Object> storedSettings() {
        record("storedSettings");
        return settings;
    }

    @Override
    public synchronized String saveSettings(Map<String, Object> newSettings) {
        record("saveSettings", newSettings);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(newSettings));
        return String.valueOf(++settingsRevision);
    }

    @Override
    public Optional<PluginDatabase> sharedDatabase() {
        record("sharedDatabase");
        return Optional.ofNullable(database);
    }

    private final PluginDataRepository dataRepository = new PluginDataRepository() {
        @Override
        public DesignData saveExperimentData(long experimentId, String pluginId, Map<String, ?> data, String schemaVersion) {
            record("saveExperimentData", experimentId, pluginId, data, schemaVersion);
            return designs.compute(experimentId, (id, old) -> {
                if (old != null && !old.pluginId().equals(pluginId)) {
                    throw new ConflictException("Design data of experiment " + id + " belongs to " + old.pluginId(),
                            "design_data", String.valueOf(id));
                }
                Instant now = Instant.now();
                return new DesignData(old == null ? ids.incrementAndGet() : old.id(), id, pluginId,
                        new LinkedHashMap<>(data), schemaVersion, old == null ? now : old.createdAt(), now);
            });
        }

        @Override
        public Optional<DesignData> getExperimentData(long experimentId) {
            record("getExperimentData", experimentId);
            return Optional.ofNullable(designs.get(experimentId));
        }

        @Override
        public boolean deleteExperimentData(long experimentId) {
            record("deleteExperimentData", experimentId);
            return designs.remove(experimentId) != null;
        }

        @Override
        public PluginAnalysisResult saveAnalysisResult(long experimentId, String pluginId, Map<String, ?> result) {
            record("saveAnalysisResult", experimentId, pluginId, result);
            return results.compute(experimentId + "/" + pluginId, (key, old) -> {
                Instant now = Instant.now();
                return new PluginAnalysisResult(old == null ? ids.incrementAndGet() : old.id(), experimentId, pluginId,
                        new LinkedHashMap<>(result), old == null ? now : old.createdAt(), now);
            });
        }

        @Override
        public Optional<PluginAnalysisResult> getAnalysisResult(long experimentId, String pluginId) {
            record("getAnalysisResult", experimentId, pluginId);
            return Optional.ofNullable(results.get(experimentId + "/" + pluginId));
        }

        @Override
        public List<PluginAnalysisResult> getAnalysisResults(long experimentId) {
            record("getAnalysisResults", experimentId);
            return results.values().stream().filter(r -> r.experimentId() == experimentId)
                    .sorted(Comparator.comparing(PluginAnalysisResult::pluginId)).toList();
        }

        @Override
        public boolean deleteAnalysisResult(long experimentId, String pluginId) {
            record("deleteAnalysisResult", experimentId, pluginId);
            return results.remove(experimentId + "/" + pluginId) != null;
        }
    };

    private final PluginRoleRepository roleRepository = new PluginRoleRepository() {
        @Override
        public Optional<String> getRole(String pluginId, long userId) {
            record("getRole", pluginId, userId);
            return Optional.ofNullable(roles.get(pluginId + "/" + userId)).map(UserPluginRole::role);
        }

        @Override
        public UserPluginRole setRole(String pluginId, long userId, String role) {
            record("setRole", pluginId, userId, role);
            return roles.compute(pluginId + "/" + userId, (key, old) -> {
                Instant now = Instant.now();
                return new UserPluginRole(old == null ? ids.incrementAndGet() : old.id(), userId, pluginId, role,
                        old == null ? now : old.createdAt(), now);
            });
        }

        @Override
        public boolean removeRole(String pluginId, long userId) {
            record("removeRole", pluginId, userId);
            return roles.remove(pluginId + "/" + userId) != null;
        }

        @Override
        public List<UserPluginRole> listPluginRoles(String pluginId) {
            record("listPluginRoles", pluginId);
            return roles.values().stream().filter(r -> r.pluginId().equals(pluginId))
                    .sorted(Comparator.comparingLong(UserPluginRole::userId)).toList();
        }

        @Override
        public List<UserPluginRole> listUserRoles(long userId) {
            record("listUserRoles", userId);
            return roles.values().stream().filter(r -> r.userId() == userId)
                    .sorted(Comparator.comparing(UserPluginRole::pluginId)).toList();
        }
    };

    private final UserRepository userRepository = new UserRepository() {
        @Override
        public Optional<User> getById(long userId) {
            record("getById", userId);
            return Optional.ofNullable(users.get(userId));
        }

        @Override
        public Optional<User> getByUsername(String username) {
            record("getByUsername", username);
            return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
        }

        @Override
        public List<User> listAll(int skip, int limit) {
            record("listAll", skip, limit);
            return users.values().stream().sorted(Comparator.comparingLong(User::id)).skip(skip).limit(limit).toList();
        }
    };
}
