package io.socialroi.conversion.touchpoint;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Captures pending conversions in the background, a few seconds after they arrive (ingestion never
 * waits on engagement-service). While engagement-service is down they simply stay pending and are
 * retried on the next run. Safe with several replicas: a capture only marks the version it read.
 */
@ApplicationScoped
public class CaptureJob {

    private final SnapshotStore snapshots;
    private final TouchpointCapture capture;

    public CaptureJob(SnapshotStore snapshots, TouchpointCapture capture) {
        this.snapshots = snapshots;
        this.capture = capture;
    }

    @Scheduled(every = "${suite.capture.every:1s}", delayed = "${suite.capture.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        List<UUID> workspaces;
        try {
            workspaces = snapshots.workspacesWithPending(100);
        } catch (SQLException e) {
            Log.warnf("Touchpoint capture skipped: %s", e.getMessage());
            return;
        }
        for (UUID workspaceId : workspaces) {
            try {
                capture.captureAll(workspaceId, null, null, null);
            } catch (ProblemException e) {
                // Stays pending; the next run (or a report that needs it) tries again.
                Log.infof("Touchpoint capture of workspace %s postponed: %s", workspaceId, e.getMessage());
            } catch (SQLException e) {
                Log.warnf("Touchpoint capture of workspace %s failed: %s", workspaceId, e.getMessage());
            }
        }
    }
}
