package io.socialroi.engagement.event;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Ingests a parsed batch: an event id repeated inside the batch counts as a duplicate like one seen before. */
@ApplicationScoped
public class Ingestion {

    private final EventWriter writer;

    public Ingestion(EventWriter writer) {
        this.writer = writer;
    }

    public IngestResult ingest(UUID workspaceId, EventParser.Batch batch) {
        Set<String> seen = new HashSet<>(batch.events().size() * 2);
        List<IncomingEvent> unique = new ArrayList<>(batch.events().size());
        for (IncomingEvent event : batch.events()) {
            if (seen.add(event.eventId())) {
                unique.add(event);
            }
        }
        int accepted = writer.write(workspaceId, unique);
        int duplicates = batch.events().size() - accepted;
        return new IngestResult(accepted, duplicates, batch.rejected());
    }
}
