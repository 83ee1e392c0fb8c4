package io.socialroi.content.user;

import io.socialroi.common.problem.FieldError;
import io.socialroi.common.problem.ProblemException;
import io.socialroi.content.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating and finding users; the rules that do not depend on who asks. */
@ApplicationScoped
public class UserStore {

    private final PasswordHasher hasher;

    public UserStore(PasswordHasher hasher) {
        this.hasher = hasher;
    }

    @Transactional
    public Optional<User> byEmail(String email) {
        return User.byEmail(email);
    }

    @Transactional
    public Optional<User> byId(UUID id) {
        return User.findByIdOptional(id);
    }

    /** Users in id order after {@code after}, one more than asked so the caller knows there is more. */
    @Transactional
    public List<User> page(UUID after, int size) {
        return (after == null ? User.<User>find("order by id") : User.<User>find("id > ?1 order by id", after))
                .page(0, size + 1).list();
    }

    /** Creates a user; 422 for workspaces that do not exist, 409 for an email already taken. */
    @Transactional
    public User create(UserRequest request) {
        List<UUID> workspaces = request.workspaceIds() == null ? List.of() : request.workspaceIds();
        List<FieldError> errors = new ArrayList<>();
        if (request.role() != Role.ADMIN && workspaces.isEmpty()) {
            errors.add(new FieldError("workspaceIds", "a " + request.role() + " needs at least one workspace"));
        }
        for (int i = 0; i < workspaces.size(); i++) {
            if (Workspace.findById(workspaces.get(i)) == null) {
                errors.add(new FieldError("workspaceIds[" + i + "]", "no workspace " + workspaces.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (User.byEmail(request.email()).isPresent()) {
            throw ProblemException.conflict("A user with email " + request.email().trim() + " exists already");
        }
        User user = new User();
        user.id = UUID.randomUUID();
        user.email = request.email().trim();
        user.name = request.name().trim();
        user.passwordHash = hasher.hash(request.password());
        user.role = request.role();
        user.workspaceIds = request.role() == Role.ADMIN ? new LinkedHashSet<>() : new LinkedHashSet<>(workspaces);
        user.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        user.updatedAt = user.createdAt;
        user.persist();
        return user;
    }

    /** Deactivates the user (once; later calls change nothing) and answers it. */
    @Transactional
    public Optional<User> deactivate(UUID id) {
        Optional<User> user = User.findByIdOptional(id);
        user.filter(u -> u.deactivatedAt == null).ifPresent(u -> {
            u.deactivatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            u.updatedAt = u.deactivatedAt;
        });
        return user;
    }

    /** Makes sure an admin with this email exists and has this password (the configured first admin). */
    @Transactional
    public User ensureAdmin(String email, String password) {
        User user = User.byEmail(email).orElse(null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (user == null) {
            user = new User();
            user.id = UUID.randomUUID();
            user.email = email.trim();
            user.name = "Agency admin";
            user.createdAt = now;
        } else if (user.role == Role.ADMIN && hasher.matches(password, user.passwordHash)) {
            return user;
        }
        user.role = Role.ADMIN;
        user.workspaceIds.clear();
        user.passwordHash = hasher.hash(password);
        user.updatedAt = now;
        user.persist();
        return user;
    }
}
