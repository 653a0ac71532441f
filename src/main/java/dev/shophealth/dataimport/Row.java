package dev.shophealth.dataimport;

import java.util.Map;

/** One record of an uploaded file: the line it starts on and its raw values by column name. */
public record Row(int line, Map<String, String> values) {
}
