package io.socialroi.reporting.settings;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** Reads a workspace's settings for the API and for reports, with the defaults when none are stored. */
@ApplicationScoped
public class SettingsStore {

    public SettingsView find(UUID workspaceId, String currency) {
        WorkspaceSettings settings = WorkspaceSettings.findById(workspaceId);
        return settings == null ? SettingsView.defaults(currency) : SettingsView.of(settings);
    }
}
