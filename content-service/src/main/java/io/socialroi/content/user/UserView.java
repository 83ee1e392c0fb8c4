package io.socialroi.content.user;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A user as the API shows it: never the password or its hash. {@code active} is false once the user was
 * deactivated ({@code deactivatedAt}).
 */
public record UserView(UUID id, String email, String name, Role role, List<UUID> workspaceIds,
        OffsetDateTime createdAt, boolean active, OffsetDateTime deactivatedAt) {

    static UserView of(User user) {
        return new UserView(user.id, user.email, user.name, user.role,
                user.workspaceIds.stream().sorted().toList(), user.createdAt, user.deactivatedAt == null,
                user.deactivatedAt);
    }
}
