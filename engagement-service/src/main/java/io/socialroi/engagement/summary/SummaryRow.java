package io.socialroi.engagement.summary;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** One group of the summary: its key (post or campaign id, platform, stage or local date) and a readable label. */
public record SummaryRow(String key, String label, @JsonUnwrapped Figures figures) {
}
