package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real answers made into example files that stay the same from one recording to the next: the sample data's times
 * go back to the times written in data/sample (the loader shifts them to the moment it loads), and so do the times
 * of this run's own requests (cut to the minute); a time written in an example request, or far from now (a
 * backtest's period from 2000 to 2100), stays as it is. Ids become numbered placeholders (the same id keeps its
 * number within a file), waiting times are cut to the minute; lists of more than {@link #LIST} objects keep their
 * first {@link #LIST}. What stays volatile: the progress of the backtest cancelled right after its start.
 */
final class RecordedAnswers {

    /** Where the answers are written: the example files on the classpath of the main code. */
    static final Path DIR = Path.of("src/main/resources").resolve(OpenApiExamples.DIR);
    static final int LIST = 3;
    /** How far from now a time may be to be the sample's or this run's: the sample spans months. */
    private static final Duration NEAR = Duration.ofDays(366);

    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern TIME = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final Duration shift;
    private final Set<Instant> written;
    private final Instant now = Instant.now();

    /** {@code shift}: how far the loader moved the sample's times; {@code requests}: the example requests. */
    RecordedAnswers(Duration shift, Collection<String> requests) {
        this.shift = shift;
        this.written = requests.stream().flatMap(r -> TIME.matcher(r).results())
                .map(m -> OffsetDateTime.parse(m.group()).toInstant()).collect(Collectors.toSet());
    }

    /** The example file of an answer in a media type, normalised. */
    String normalise(String answer, String mediaType) {
        Map<String, String> ids = new LinkedHashMap<>();
        if (!OpenApiExamples.extension(mediaType).orElse("").equals("json")) {
            return text(answer, ids);
        }
        try {
            JsonNode tree = tidy(OpenApiDocument.JSON.readTree(answer), ids);
            return OpenApiDocument.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an operation's example answer in a media type. */
    static void write(String operationId, String mediaType, String example, String status) {
        Path file = Path.of(OpenApiExamples.resource(operationId, OpenApiExamples.RESPONSE, mediaType, status)
                .substring(OpenApiExamples.DIR.length()));
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(file), example, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode tidy(JsonNode node, Map<String, String> ids) {
        if (node.isTextual()) {
            return TextNode.valueOf(text(node.asText(), ids));
        }
        if (node.isArray()) {
            ArrayNode kept = OpenApiDocument.JSON.createArrayNode();
            boolean values = node.isEmpty() || node.get(0).isValueNode();
            for (int i = 0; i < node.size() && (values || i < LIST); i++) {
                kept.add(tidy(node.get(i), ids));
            }
            return kept;
        }
        if (node.isObject()) {
            ObjectNode kept = OpenApiDocument.JSON.createObjectNode();
            node.fields().forEachRemaining(f -> kept.set(f.getKey(), f.getKey().equals("waitingSeconds")
                    && f.getValue().canConvertToLong() ? minutes(f.getValue().asLong()) : tidy(f.getValue(), ids)));
            return kept;
        }
        return node;
    }

    /** A waiting time counts the seconds since this run loaded the sample: cut to the minute, as the times are. */
    private static JsonNode minutes(long seconds) {
        return com.fasterxml.jackson.databind.node.LongNode.valueOf(seconds - seconds % 60);
    }

    private String text(String text, Map<String, String> ids) {
        String out = replace(UUID, text, m -> ids.computeIfAbsent(m.group(),
                k -> String.format("00000000-0000-4000-8000-%012d", ids.size() + 1)));
        return replace(TIME, out, m -> time(m.group()));
    }

    private String time(String served) {
        OffsetDateTime t = OffsetDateTime.parse(served);
        boolean shifted = !written.contains(t.toInstant()) && t.toInstant().isAfter(now.minus(NEAR))
                && t.toInstant().isBefore(now.plus(NEAR));
        if (!shifted) {
            return served;
        }
        OffsetDateTime shown = t.minus(shift).truncatedTo(ChronoUnit.MINUTES);
        boolean utc = served.endsWith("Z");
        return (utc ? UTC : OFFSET).format(utc ? shown.withOffsetSameInstant(ZoneOffset.UTC) : shown);
    }

    private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(with.apply(m)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
