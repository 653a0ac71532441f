package dev.shophealth.common;

import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The hostile values of the endpoint fuzz, as QuickTheories generators: texts (control characters, NUL, blanks,
 * overlong, impossible dates and durations, injection strings, random code points), JSON values of every type,
 * path and query values already percent-encoded (escapes, traversal, overlong UTF-8), and header values.
 */
final class FuzzValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Texts written out: each one is a class of fault, not a random sample. */
    static final List<String> TEXTS = List.of("", " ", "\t\r\n", "\u0000", "a\u0000b", "\u0007", "\u001b[31m", "\u007f",
            "\u0085", "\u202e\u200b", "\ufeff", "\uffff", "😀".repeat(100), "中文 店铺", "x".repeat(33), "x".repeat(65),
            "x".repeat(101), "x".repeat(201), "x".repeat(1001), "x".repeat(2001), "x".repeat(20_001), "' OR 1=1 --",
            "\"; drop table shop; --", "../../etc/passwd", "..", ".", "/", "\\", "%00", "%", "null", "NaN", "Infinity",
            "-1", "0", "1.5", "99999999999999999999", "1e400", "-0", "true", "2026-13-45", "2026-02-30",
            "2026-11-26T99:99:99Z", "2026-11-26T10:00:00", "-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z",
            "0001-01-01", "9999-12-31", "-4714-01-01", "P-1D", "PT0S", "P999999999D", "PT9223372036854775807S",
            "P106751991167300D", "P1Y", "PT1S", "approve", "APPROVE", "REJECT", "OTHER", "LOW", "<x>&amp;</x>",
            "${jndi:ldap://x/a}", "#{1+1}", "{{7*7}}", "a,b\"c\nd");

    /** Code points without surrogates (a lone surrogate cannot be written as UTF-8 by the client either). */
    static Gen<String> randomText() {
        return Generate.oneOf(strings().betweenCodePoints(0, 0x1f).ofLengthBetween(1, 4),
                strings().betweenCodePoints(0x20, 0xd7ff).ofLengthBetween(0, 30),
                strings().betweenCodePoints(0xe000, 0x10ffff).ofLengthBetween(1, 10),
                strings().basicLatinAlphabet().ofLengthBetween(0, 80));
    }

    static Gen<String> text() {
        return Generate.frequency(List.of(Pair.of(4, Generate.pick(TEXTS)), Pair.of(1, randomText())));
    }

    /** JSON values of every type: the texts, numbers past every range, booleans, arrays, objects, deep nesting. */
    static Gen<JsonNode> json() {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.booleanNode(true),
                NODES.booleanNode(false), NODES.numberNode(-1), NODES.numberNode(0), NODES.numberNode(1),
                NODES.numberNode(2_147_483_648L), NODES.numberNode(-2_147_483_649L), NODES.numberNode(Long.MAX_VALUE),
                NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("1" + "0".repeat(30))),
                NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("-1e400")),
                NODES.numberNode(new BigDecimal("1e-400")), NODES.numberNode(-0.5), NODES.numberNode(0.001),
                NODES.numberNode(new BigDecimal("1.005")), NODES.numberNode(new BigDecimal("123456789012345.67")),
                NODES.arrayNode(), NODES.arrayNode().add("x"), NODES.arrayNode().add(1).add(2), NODES.objectNode(),
                NODES.objectNode().put("a", 1), nested(200, false), nested(1500, false), nested(1500, true),
                manyNumbers(10_000)));
        Gen<JsonNode> fixed = Generate.pick(values);
        Gen<JsonNode> texts = text().map(t -> (JsonNode) NODES.textNode(t));
        return Generate.frequency(List.of(Pair.of(3, texts), Pair.of(2, fixed)));
    }

    /** A JSON value for a field that holds no text: mostly the non-text values. */
    static JsonNode nested(int depth, boolean arrays) {
        JsonNode inner = NODES.textNode("deep");
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                ArrayNode a = NODES.arrayNode();
                a.add(inner);
                inner = a;
            } else {
                ObjectNode o = NODES.objectNode();
                o.set("n", inner);
                inner = o;
            }
        }
        return inner;
    }

    private static JsonNode manyNumbers(int count) {
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            many.add(i);
        }
        return many;
    }

    /** Path and query values as they go on the wire: hostile texts percent-encoded, and hand-made escapes. */
    static Gen<String> encoded() {
        List<String> raw = List.of("%2F", "%2e%2e", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "%25", "%25zz", "%C0%AF",
                "%FF%FE", "%E2%80%AE", "%ED%A0%80", "%F4%90%80%80", "+", "%20", "%0A", "%0D%0A", "%3B", "a%3Bb", "%3F",
                "%23", "%00", "%2500", "%zz", "%", "%4", "S1002", "DY1002009999", "x".repeat(5000),
                "%E4%B8%AD".repeat(600));
        return Generate.frequency(List.of(Pair.of(3, text().map(FuzzValues::encode)), Pair.of(2, Generate.pick(raw))));
    }

    /** Percent-encodes every byte outside the unreserved characters of RFC 3986. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** Header values a client can send (no CR, LF or NUL: the HTTP client itself refuses those). */
    static Gen<String> header() {
        return Generate.pick(List.of("", " ", "x".repeat(201), "x".repeat(200), "x".repeat(8000), "é", "中", "a b",
                "\"quoted\"", "zz", "*", "zh-CN;q=abc", "en;q=2", "i-klingon", "de-DE-u-co-phonebk", ",,,;;;", "\t",
                "text/html", "application/xml", "application/problem+json", "text/csv", "*/*;q=0", "garbage/////"));
    }

    private FuzzValues() {
    }
}
