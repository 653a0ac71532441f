package dev.shophealth.common;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shophealth.common.FuzzMutation.Kind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * One endpoint of the API as the fuzz sees it: its valid request (path and query parameters, headers, body, each
 * taken from the {@link FuzzFixture} when a case runs), the roles that may call it, and what its answers may
 * change. {@link #mutations} generates the cases; {@link #request} builds one.
 */
final class FuzzEndpoint {

    enum Body { NONE, JSON, IMPORT, ZIP }

    final String method;
    final String template;
    final Set<String> roles;
    String label;
    int tries = 50;
    Body body = Body.NONE;
    Function<FuzzFixture, JsonNode> json;
    final Map<String, Function<FuzzFixture, String>> path = new LinkedHashMap<>();
    final Map<String, Function<FuzzFixture, String>> query = new LinkedHashMap<>();
    final Map<String, Function<FuzzFixture, String>> headers = new LinkedHashMap<>();
    /** Tables a request may update in place: digested before and after each case, not only counted. */
    Set<String> updates = Set.of();
    /** Whether even an accepted request must leave the database as it was. */
    boolean readOnly;
    /** Answers that must have written (a new screening): shows the fingerprint sees writes at all. */
    java.util.function.Predicate<FuzzHttp.Answer> wrote = a -> false;
    /** Whether the valid request must be accepted (2xx); not where repeating it is refused by design. */
    boolean baseAccepted = true;
    /** Run after each answer, outside the fingerprint: returns the fixture to a state later cases need. */
    BiConsumer<FuzzFixture, FuzzHttp.Answer> after = (f, a) -> { };

    FuzzEndpoint(String method, String template, Set<String> roles) {
        this.method = method;
        this.template = template;
        this.roles = roles;
        this.label = method + " " + template;
        headers.put("Accept", f -> "application/json");
        headers.put("Accept-Language", f -> "en");
    }

    /** The cases: the valid request, and each kind of fault this endpoint's inputs admit, weighted. */
    Gen<FuzzMutation> mutations(FuzzFixture sample) {
        Gen<Integer> variant = Generate.range(0, 3);
        List<Pair<Integer, Gen<FuzzMutation>>> options = new ArrayList<>();
        options.add(Pair.of(1, variant.map(FuzzMutation::base)));
        if (body == Body.JSON || body == Body.IMPORT) {
            JsonNode example = json.apply(sample);
            Gen<String> paths = Generate.pick(FuzzJson.paths(example));
            options.add(Pair.of(10, paths.zip(FuzzValues.json(), variant, (p, v, n) -> new FuzzMutation(Kind.FIELD, p, v, n))));
            options.add(Pair.of(1, paths.zip(variant, (p, n) -> new FuzzMutation(Kind.REMOVE, p, null, n))));
            options.add(Pair.of(1, Generate.pick(FuzzJson.objects(example)).zip(FuzzValues.json(), variant,
                    (p, v, n) -> new FuzzMutation(Kind.UNKNOWN_FIELD, p, v, n))));
            options.add(Pair.of(1, FuzzValues.json().zip(variant, (v, n) -> new FuzzMutation(Kind.BODY, null, v, n))));
            options.add(Pair.of(3, (body == Body.JSON ? FuzzBodies.json() : FuzzBodies.importFile())
                    .zip(variant, (raw, n) -> new FuzzMutation(Kind.RAW, null, raw, n))));
        } else if (body == Body.ZIP) {
            // most cases broken zips (refused at once); a valid zip starts the check process, seconds each
            options.add(Pair.of(24, FuzzBodies.zip().zip(variant, (raw, n) -> new FuzzMutation(Kind.RAW, null, raw, n))));
        } else {
            options.add(Pair.of(1, FuzzBodies.unexpected().map(raw -> new FuzzMutation(Kind.RAW, null, raw, 0))));
        }
        if (!path.isEmpty()) {
            options.add(Pair.of(4 * path.size(), Generate.pick(List.copyOf(path.keySet())).zip(FuzzValues.encoded(),
                    (p, v) -> new FuzzMutation(Kind.PATH, p, v, 0))));
        }
        List<String> names = new ArrayList<>(query.keySet());
        names.add(FuzzMutation.UNKNOWN);
        options.add(Pair.of(1 + 3 * query.size(), Generate.pick(names).zip(FuzzValues.encoded(), variant,
                (q, v, n) -> new FuzzMutation(Kind.QUERY, q, n == 3 && !q.equals(FuzzMutation.UNKNOWN) ? null : v, n))));
        options.add(Pair.of(headers.size(), Generate.pick(List.copyOf(headers.keySet())).zip(FuzzValues.header(),
                variant, (h, v, n) -> new FuzzMutation(Kind.HEADER, h, n == 3 ? null : v, n))));
        return Generate.frequency(options);
    }

    /** The request of one case; the fixture's values are drawn now (a fresh order for each screening). */
    FuzzHttp.Request request(FuzzFixture f, String role, FuzzMutation m) {
        String uri = template;
        for (var p : path.entrySet()) {
            String value = m.kind() == Kind.PATH && m.target().equals(p.getKey()) ? (String) m.value()
                    : FuzzValues.encode(p.getValue().apply(f));
            uri = uri.replace("{" + p.getKey() + "}", value);
        }
        Map<String, String> params = new LinkedHashMap<>();
        query.forEach((name, value) -> {
            String v = value.apply(f);
            if (v != null) {
                params.put(name, FuzzValues.encode(v));
            }
        });
        if (body == Body.IMPORT && (m.variant() & 2) != 0) {
            params.put("dryRun", "true");
        }
        if (m.kind() == Kind.QUERY) {
            if (m.value() == null) {
                params.remove(m.target());
            } else {
                params.put(m.target(), (String) m.value());
            }
        }
        StringBuilder full = new StringBuilder(uri);
        params.forEach((name, value) -> full.append(full.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value));
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("Authorization", f.authorization(role));
        headers.forEach((name, value) -> sent.put(name, value.apply(f)));
        if (m.kind() == Kind.HEADER) {
            if (m.value() == null) {
                sent.remove(m.target());
            } else {
                sent.put(m.target(), (String) m.value());
            }
        }
        byte[] bytes = body(f, m, sent);
        return new FuzzHttp.Request(method, full.toString(), sent, bytes);
    }

    private byte[] body(FuzzFixture f, FuzzMutation m, Map<String, String> sent) {
        byte[] bytes;
        String type;
        switch (body) {
            case JSON, IMPORT -> {
                JsonNode doc = mutated(json.apply(f).deepCopy(), m);
                boolean csv = body == Body.IMPORT && (m.variant() & 1) == 0;
                bytes = csv ? FuzzCsv.of(doc).getBytes(StandardCharsets.UTF_8) : write(doc);
                type = csv ? FuzzBodies.CSV : FuzzBodies.JSON;
            }
            case ZIP -> {
                bytes = f.rulesZip();
                type = FuzzBodies.ZIP;
            }
            default -> {
                bytes = null;
                type = null;
            }
        }
        if (m.kind() == Kind.RAW) {
            FuzzBodies.Raw raw = (FuzzBodies.Raw) m.value();
            bytes = raw.bytes().apply(bytes == null ? new byte[0] : bytes);
            type = raw.contentType();
        }
        if (type != null) {
            sent.put("Content-Type", type);
        }
        return bytes;
    }

    private static JsonNode mutated(JsonNode doc, FuzzMutation m) {
        switch (m.kind()) {
            case FIELD -> FuzzJson.set(doc, m.target(), (JsonNode) m.value());
            case REMOVE -> FuzzJson.remove(doc, m.target());
            case UNKNOWN_FIELD -> ((com.fasterxml.jackson.databind.node.ObjectNode) FuzzJson.at(doc, m.target()))
                    .set(FuzzMutation.UNKNOWN, (JsonNode) m.value());
            case BODY -> {
                return (JsonNode) m.value();
            }
            default -> {
            }
        }
        return doc;
    }

    private static byte[] write(JsonNode doc) {
        return FuzzJson.bytes(doc);
    }

    /** Whether this case must leave the database as it was even when accepted: a read, or an import's dry run. */
    boolean readOnly(FuzzMutation m) {
        if (body == Body.IMPORT && m.kind() == Kind.QUERY && "dryRun".equals(m.target())) {
            // any dryRun but "false" (or none) asks for a dry run: it must be honoured or refused, never read as false
            String value = m.value() == null ? "" : java.net.URLDecoder.decode(((String) m.value()).replace("+", "%2B"),
                    java.nio.charset.StandardCharsets.UTF_8);
            return !value.isBlank() && !value.strip().equalsIgnoreCase("false");
        }
        return readOnly || body == Body.IMPORT && (m.variant() & 2) != 0;
    }

    /** The tables to digest for this endpoint. */
    Set<String> digested() {
        return new LinkedHashSet<>(updates);
    }
}
