package dev.shophealth.dataimport;

import java.util.Set;

/**
 * Fired (synchronously, in the import's transaction, before its commit) at the end of every import that writes: the
 * shops whose records it created, changed or found unchanged, before and after (see
 * {@link ImportContext#touchedShops()}). An observer that throws rolls the import back.
 */
public record ImportedShops(String kind, Set<String> shopIds) {
}
