package dev.shophealth.sample;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes generated data as import files. Without {@code --shops} it writes the five-shop sample; with it, a large
 * data set for benchmarks. See README (Sample data) for the commands.
 */
public final class GeneratorMain {

    /** The seed of the committed sample; change it and the sample tells another story. */
    public static final long SAMPLE_SEED = 20261126L;

    private GeneratorMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path out = Path.of(options.getOrDefault("out", "data/sample"));
        long seed = Long.parseLong(options.getOrDefault("seed", Long.toString(SAMPLE_SEED)));
        LocalDate anchor = options.containsKey("anchor") ? LocalDate.parse(options.get("anchor"))
                : LocalDate.now(SampleGenerator.ZONE);
        SampleGenerator generator = new SampleGenerator(seed, anchor);
        SampleData data = options.containsKey("shops")
                ? generator.large(Integer.parseInt(options.get("shops")),
                        Integer.parseInt(options.getOrDefault("orders", "1000000")))
                : generator.sample();
        SampleFiles.write(data, out, anchor, seed);
        System.out.printf("wrote %d shops, %d orders to %s (anchor %s, seed %d)%n", data.rows("shops").size(),
                data.rows("orders").size(), out, anchor, seed);
    }
}
