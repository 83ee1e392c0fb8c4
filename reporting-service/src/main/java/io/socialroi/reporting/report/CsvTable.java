package io.socialroi.reporting.report;

import java.util.List;

/**
 * A report as a table for {@code Accept: text/csv}: a header line and rows of cells, already formatted
 * (null cells stay empty). {@code textColumns} are free text from users (labels, captions) and are guarded
 * against spreadsheet formula injection when written.
 */
public record CsvTable(String fileName, List<String> header, List<List<String>> rows, List<Integer> textColumns) {
}
