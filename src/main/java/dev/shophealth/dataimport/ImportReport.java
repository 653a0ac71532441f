package dev.shophealth.dataimport;

/** What an import did: rows read, and how many were created, updated or already as in the file; a dry run validates only and writes nothing. */
public record ImportReport(String kind, String format, int rows, int created, int updated, int unchanged,
        boolean dryRun) {
}
