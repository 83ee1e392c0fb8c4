package io.socialroi.content.user;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin user from {@code suite.admin.email} / {@code suite.admin.password}
 * ({@code SUITE_ADMIN_EMAIL} / {@code SUITE_ADMIN_PASSWORD}, which {@code ./suite up} generates when unset),
 * or brings that user back to the configured password and the ADMIN role. Nothing happens when unset:
 * there is no default password.
 */
@ApplicationScoped
public class AdminUserBootstrap {

    private final UserStore users;
    private final String email;
    private final String password;

    public AdminUserBootstrap(UserStore users,
            @ConfigProperty(name = "suite.admin.email") Optional<String> email,
            @ConfigProperty(name = "suite.admin.password") Optional<String> password) {
        // Optional: application.properties reads them from environment variables that may be unset, and an
        // expression expanding to nothing is a missing value, which a plain String would refuse at start.
        this.users = users;
        this.email = email.orElse("");
        this.password = password.orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        if (email.isBlank() || password.isBlank()) {
            Log.info("No suite.admin.email / suite.admin.password configured: no admin user created");
            return;
        }
        if (password.length() < UserRequest.MIN_PASSWORD) {
            Log.errorf("suite.admin.password is shorter than %d characters: admin user %s not created",
                    UserRequest.MIN_PASSWORD, email);
            return;
        }
        try {
            users.ensureAdmin(email, password);
            Log.infof("Admin user %s is ready", email);
        } catch (RuntimeException e) {
            // Another replica starting at the same moment may have created it first; it is there either way.
            Log.warnf("Admin user %s not created here: %s", email, e.getMessage());
        }
    }
}
