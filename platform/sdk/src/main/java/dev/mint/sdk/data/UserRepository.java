package dev.mint.sdk.data;

import java.util.List;
import java.util.Optional;

/** Platform users, read-only. Thread-safe. */
public interface UserRepository {

    Optional<User> getById(long userId);

    Optional<User> getByUsername(String username);

    /** Users ordered by id. */
    List<User> listAll(int skip, int limit);
}
