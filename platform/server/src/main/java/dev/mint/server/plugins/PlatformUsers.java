package dev.mint.server.plugins;

import dev.mint.sdk.data.User;
import dev.mint.sdk.data.UserRepository;
import dev.mint.server.users.UserStore;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Platform users as plugins see them (no password hashes, no tokens). Read-only, thread-safe. */
final class PlatformUsers implements UserRepository {
    private final Jdbi jdbi;
    private final UserStore users;

    PlatformUsers(Jdbi jdbi, UserStore users) {
        this.jdbi = jdbi;
        this.users = users;
    }

    @Override
    public Optional<User> getById(long userId) {
        return jdbi.withHandle(h -> users.find(h, userId)).map(PlatformUsers::toSdk);
    }

    @Override
    public Optional<User> getByUsername(String username) {
        return jdbi.withHandle(h -> users.credentials(h, username)).map(c -> toSdk(c.user()));
    }

    @Override
    public List<User> listAll(int skip, int limit) {
        return jdbi.withHandle(h -> users.list(h, Optional.empty(), Optional.empty(), Optional.empty(), skip, limit))
                .items().stream().map(PlatformUsers::toSdk).toList();
    }

    /** Ids of the projects the user is a member of, ascending. */
    List<Long> projectIdsOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT project_id FROM project_members WHERE user_id = ? ORDER BY project_id")
                .bind(0, userId).mapTo(Long.class).list());
    }

    static User toSdk(dev.mint.server.users.User u) {
        return new User(u.id(), u.username(), u.role(), u.isActive(), Optional.ofNullable(u.email()),
                Optional.ofNullable(u.shortname()), Optional.ofNullable(u.firstName()), Optional.ofNullable(u.lastName()),
                u.createdAt(), u.updatedAt());
    }
}
