package dev.shophealth.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Whole bodies and content types that are wrong as a whole: empty, not JSON, truncated, wrong encoding, garbage
 * bytes, malformed CSV, broken or hostile zip files, and the valid body under a wrong Content-Type.
 */
final class FuzzBodies {

    /**
     * A body made from the endpoint's valid one ({@code base}, possibly empty); {@code contentType} null sends none.
     */
    record Raw(String label, String contentType, UnaryOperator<byte[]> bytes) {
        @Override
        public String toString() {
            return label + " as " + contentType;
        }
    }

    static final String JSON = "application/json";
    static final String CSV = "text/csv; charset=UTF-8";
    static final String ZIP = "application/zip";

    /** Content types no endpoint takes, or takes under another name. */
    static final List<String> WRONG_TYPES = Arrays.asList(null, "", "text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1",
            "application/json; charset=UTF-16", "application/json; charset=bogus", "application/json;;;", "*/*",
            "text/csv", "application/zip", "application/octet-stream", "garbage", "application/json; boundary=\"");

    /** Bodies for endpoints that take JSON. */
    static Gen<Raw> json() {
        List<Raw> bodies = new ArrayList<>(List.of(text("empty", JSON, ""), text("blanks", JSON, "   \n"),
                text("null", JSON, "null"), text("array", JSON, "[]"), text("string", JSON, "\"x\""),
                text("number", JSON, "42"), text("open brace", JSON, "{"), text("dangling field", JSON, "{\"a\":"),
                text("xml", JSON, "<order><no>1</no></order>"), text("NaN", JSON, "{\"amount\": NaN}"),
                text("comment", JSON, "/* c */ {}"), text("single quotes", JSON, "{'orderNo': 'x'}"),
                bytes("invalid UTF-8", JSON, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, 0x28, '"', '}'}),
                new Raw("UTF-16", JSON, b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE)),
                new Raw("byte-order mark", JSON, b -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b)),
                new Raw("trailing garbage", JSON, b -> concat(b, "}{]".getBytes(StandardCharsets.UTF_8))),
                new Raw("NUL byte", JSON, b -> concat(b, new byte[] {0}))));
        for (int i = 1; i <= 9; i++) {
            int tenths = i;
            bodies.add(new Raw("cut at " + i + "0%", JSON, b -> Arrays.copyOf(b, b.length * tenths / 10)));
        }
        for (long seed = 1; seed <= 4; seed++) {
            bodies.add(bytes("garbage " + seed, JSON, garbage(seed, 300)));
        }
        for (String type : WRONG_TYPES) {
            bodies.add(new Raw("valid body", type, b -> b));
        }
        return Generate.pick(bodies);
    }

    /** Files for the import endpoints: malformed CSV, garbage, and CSV and JSON under each other's name. */
    static Gen<Raw> importFile() {
        List<Raw> bodies = new ArrayList<>(List.of(text("empty", CSV, ""), text("BOM only", CSV, "\ufeff"),
                text("one blank line", CSV, "\n"), text("header only", CSV, "id,name,category\n"),
                text("unbalanced quote", CSV, "id,name,category\n\"T1,n,c\n"),
                text("quote inside a cell", CSV, "id,name,category\nT1,a\"b,c\n"),
                text("extra column", CSV, "id,name,category\nT1,n,c,d\n"),
                text("missing column", CSV, "id,name,category\nT1,n\n"),
                text("duplicate header", CSV, "id,id,name\nT1,T2,n\n"),
                text("blank header name", CSV, "id,,category\nT1,n,c\n"),
                text("carriage returns only", CSV, "id,name,category\rT1,n,c\r"),
                text("commas only", CSV, ",,,\n,,,\n"), text("NUL line", CSV, "id,name,category\n\u0000\n"),
                text("JSON as CSV", CSV, "[{\"id\":\"T1\"}]"), text("CSV as JSON", JSON, "id,name,category\nT1,n,c\n"),
                text("object, not array", JSON, "{\"id\":\"T1\"}"), text("array of numbers", JSON, "[1,2,3]"),
                text("nested value", JSON, "[{\"id\":{\"a\":1}}]"), text("content after the array", JSON, "[]{}"),
                text("array of nulls", JSON, "[null]"), text("empty array", JSON, "[]"),
                bytes("invalid UTF-8", CSV, new byte[] {'i', 'd', '\n', (byte) 0xff, (byte) 0xfe, '\n'}),
                new Raw("cut in half", CSV, b -> Arrays.copyOf(b, b.length / 2)),
                new Raw("UTF-16", CSV, b -> new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16))));
        for (long seed = 1; seed <= 4; seed++) {
            bodies.add(bytes("garbage " + seed, seed % 2 == 0 ? CSV : JSON, garbage(seed, 500)));
        }
        for (String type : WRONG_TYPES) {
            bodies.add(new Raw("valid file", type, b -> b));
        }
        return Generate.pick(bodies);
    }

    /** Zip files that are broken, hostile (traversal, too many or too large files, a bomb) or not zip at all. */
    static Gen<Raw> zip() {
        return Generate.pick(ZIPS);
    }

    private static final List<Raw> ZIPS = zips();

    private static List<Raw> zips() {
        return List.of(bytes("empty", ZIP, new byte[0]),
                bytes("garbage", ZIP, garbage(7, 2000)), bytes("local header only", ZIP, new byte[] {'P', 'K', 3, 4}),
                new Raw("cut in half", ZIP, b -> Arrays.copyOf(b, b.length / 2)),
                new Raw("last bytes missing", ZIP, b -> Arrays.copyOf(b, Math.max(0, b.length - 10))),
                bytes("no entries", ZIP, zipOf()), bytes("traversal", ZIP, zipOf("../evil.drl", "rule")),
                bytes("absolute path", ZIP, zipOf("/tmp/evil.drl", "rule")),
                bytes("backslash traversal", ZIP, zipOf("..\\evil.drl", "rule")),
                bytes("NUL in a name", ZIP, zipOf("a\u0000.drl", "rule")),
                bytes("not a ruleset", ZIP, zipOf("readme.txt", "hello")),
                bytes("broken DRL", ZIP, zipOf("validity/x.drl", "rule \"x\" when then {{{ end")),
                bytes("invalid UTF-8 file", ZIP, zipOf("parameters.yaml", "\u00ff")),
                bytes("a file over the size limit", ZIP, zipOf("big.drl", "x".repeat(1_100_000))),
                bytes("a 200 MB file of zeros (a bomb)", ZIP, zipOf("bomb.drl", null)),
                bytes("601 files", ZIP, manyFiles(601)), new Raw("valid zip", "application/json", b -> b),
                new Raw("valid zip", "text/plain", b -> b), new Raw("valid zip", null, b -> b));
    }

    /** Bodies sent to endpoints that take none: each must be ignored or refused, never a 5xx. */
    static Gen<Raw> unexpected() {
        return Generate.pick(List.of(text("JSON", JSON, "{\"a\":1}"), text("broken JSON", JSON, "{"),
                bytes("garbage", "application/octet-stream", garbage(3, 200)), text("form", "application/x-www-form-urlencoded", "a=1"),
                text("CSV", CSV, "a,b\n1,2\n")));
    }

    private static Raw text(String label, String type, String body) {
        return bytes(label, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static Raw bytes(String label, String type, byte[] body) {
        return new Raw(label, type, b -> body);
    }

    private static byte[] garbage(long seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A zip of name/content pairs; a null content is 200 MB of zeros. */
    static byte[] zipOf(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                if (namesAndContents[i + 1] == null) {
                    byte[] zeros = new byte[1 << 20];
                    for (int mb = 0; mb < 200; mb++) {
                        zip.write(zeros);
                    }
                } else {
                    zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] manyFiles(int count) {
        String[] entries = new String[count * 2];
        for (int i = 0; i < count; i++) {
            entries[2 * i] = "many/f" + i + ".drl";
            entries[2 * i + 1] = "// " + i;
        }
        return zipOf(entries);
    }

    private FuzzBodies() {
    }
}
