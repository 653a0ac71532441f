package dev.shophealth.ruleset.engine;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Texts of finding, suggestion and consequence codes in English and Chinese, from {@code messages_en.properties}
 * and {@code messages_zh_CN.properties} (UTF-8). A text may name evidence: {@code {warehouseStock}}.
 */
public final class Messages {

    public static final String EN_FILE = "messages_en.properties";
    public static final String ZH_FILE = "messages_zh_CN.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Prefix of the labels of evidence values: {@code label.OUT_OF_STOCK}. Labels are not codes rules emit. */
    public static final String LABEL = "label.";

    private final Map<String, String> en;
    private final Map<String, String> zh;

    private Messages(Map<String, String> en, Map<String, String> zh) {
        this.en = en;
        this.zh = zh;
    }

    /** No texts at all: every code renders as itself. */
    public static Messages empty() {
        return new Messages(Map.of(), Map.of());
    }

    /** Both languages' texts; a missing or unreadable file is a problem. */
    /** The messages of a ruleset's files, as they were checked when the ruleset was compiled. */
    public static Messages of(RulesetFiles files) {
        return read(files.files(), new java.util.ArrayList<>());
    }

    static Messages read(Map<String, String> files, List<RulesetProblem> problems) {
        return new Messages(load(files, EN_FILE, problems), load(files, ZH_FILE, problems));
    }

    private static Map<String, String> load(Map<String, String> files, String name, List<RulesetProblem> problems) {
        String text = files.get(name);
        Map<String, String> map = new TreeMap<>();
        if (text == null) {
            problems.add(new RulesetProblem(name, null, "is missing"));
            return map;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new RulesetProblem(name, null, "cannot be read: " + e.getMessage()));
        }
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return map;
    }

    /** Languages lacking a text for {@code code}, as file names. */
    List<String> missing(String code) {
        return java.util.stream.Stream.of(EN_FILE, ZH_FILE)
                .filter(f -> !(f.equals(EN_FILE) ? en : zh).containsKey(code)).toList();
    }

    /** The text of {@code code} in {@code locale} (Chinese for any zh locale, else English), evidence filled in. */
    public String render(String code, Locale locale, Map<String, Object> evidence) {
        Map<String, String> texts = locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
        String template = texts.getOrDefault(code, en.getOrDefault(code, code));
        if (evidence == null || evidence.isEmpty()) {
            return template;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = evidence.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : format(value, texts)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A value as text: rates as percent; a code-like value (a reason such as OUT_OF_STOCK, a window such as 7d) by
     * its label ({@code label.OUT_OF_STOCK=商品缺货}) in the language of the text, so no raw code reaches a reader.
     */
    private String format(Object value, Map<String, String> texts) {
        if (value instanceof String text) {
            String label = texts.getOrDefault(LABEL + text, en.get(LABEL + text));
            return label != null ? label : text;
        }
        if (value instanceof Double d) {
            return String.format(Locale.ROOT, "%.1f %%", d * 100);
        }
        return value.toString();
    }
}
