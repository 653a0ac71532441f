package dev.shophealth.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample in data/sample is exactly what the generator makes from its manifest's seed and anchor. */
class SampleFilesTest {

    private static final Path SAMPLE = Path.of("data/sample");

    @Test
    void committedSampleIsTheGeneratorsOutput(@TempDir Path out) throws Exception {
        Properties manifest = new Properties();
        try (var in = Files.newBufferedReader(SAMPLE.resolve(SampleFiles.MANIFEST))) {
            manifest.load(in);
        }
        var anchor = java.time.LocalDate.parse(manifest.getProperty("anchor"));
        long seed = Long.parseLong(manifest.getProperty("seed"));
        SampleFiles.write(new SampleGenerator(seed, anchor).sample(), out, anchor, seed);
        for (String kind : java.util.stream.Stream.concat(SampleData.KINDS.stream(),
                java.util.stream.Stream.of(SampleData.REQUESTS)).toList()) {
            assertEquals(Files.readString(SAMPLE.resolve(kind + ".csv")), Files.readString(out.resolve(kind + ".csv")),
                    kind + ".csv differs from the generator's output: regenerate it (README, Sample data)");
        }
    }

    @Test
    void largeDataSetsHaveTheAskedSize() {
        SampleData data = new SampleGenerator(7, java.time.LocalDate.of(2026, 1, 1)).large(50, 5000);
        assertEquals(50, data.rows("shops").size());
        assertTrue(data.rows("orders").size() > 3500, "about 5000 orders, new shops have few");
    }

    @Test
    void readingShiftsEveryTimeByWholeDays() throws Exception {
        var rows = SampleFiles.read(SAMPLE, "orders", 3);
        var original = SampleFiles.read(SAMPLE, "orders", 0);
        assertEquals(java.time.OffsetDateTime.parse(original.get(0).values().get("placedAt")).plusDays(3),
                java.time.OffsetDateTime.parse(rows.get(0).values().get("placedAt")));
    }
}
