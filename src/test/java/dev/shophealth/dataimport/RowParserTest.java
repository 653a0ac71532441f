package dev.shophealth.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowParserTest {

    @Test
    void theDateTimeShortcutReadsWhatTheFormatterReads() {
        for (String text : List.of("2026-11-20T08:30:00+08:00", "2026-11-20T08:30:00Z", "2026-11-20T08:30:00.5Z",
                "2026-11-20T08:30:00.123456789-05:30", "2026-11-20T08:30:00.000001+00:00", "2026-11-20T08:30:00-00:00",
                "2024-02-29T23:59:59+14:00", "2026-11-20T08:30+08:00", "2026-11-20t08:30:00z",
                "2026-11-20T08:30:00+08:00:30", "+12026-11-20T08:30:00Z", "2026-11-20T08:30:00.Z")) {
            assertEquals(OffsetDateTime.parse(text), RowParser.parseDateTime(text), text);
        }
        for (String text : List.of("2026-02-30T08:30:00Z", "2026-13-20T08:30:00Z", "2026-11-20T24:30:00Z",
                "2026-11-20T08:30:00.1234567891Z", "2026-11-20T08:30:00+19:00",
                "2026-11-20T08:30:00", "2026-11-20 08:30:00Z", "2026-1１-20T08:30:00Z", "2026-11-20T08:30:00+8:00")) {
            assertThrows(DateTimeParseException.class, () -> RowParser.parseDateTime(text), text);
        }
    }
}
