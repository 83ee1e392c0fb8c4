package io.socialroi.reporting.report;

/** A report that can also be answered as CSV. */
public interface CsvExportable {

    CsvTable toCsv();
}
