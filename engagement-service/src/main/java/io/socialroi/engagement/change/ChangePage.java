package io.socialroi.engagement.change;

import java.util.List;

/** A page of the change feed and the cursor to pass as {@code after} next time (never null). */
public record ChangePage(List<Change> items, String cursor) {
}
