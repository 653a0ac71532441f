package dev.shophealth.ruleset.engine;

import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.number.Precision;
import com.ibm.icu.number.Scale;
import com.ibm.icu.number.UnlocalizedNumberFormatter;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Texts of finding, suggestion and consequence codes in English and Chinese, from {@code messages_en.properties}
 * and {@code messages_zh_CN.properties} (UTF-8). A text is an ICU MessageFormat pattern whose named arguments are
 * the finding's evidence, formatted for the text's language: {@code {warehouseStock}} (a number with the locale's
 * grouping), {@code {days, plural, one {# day} other {# days}}}, {@code {rate, number, percent}} (8%). A decimal
 * value given plainly ({@code {rate}}) is a rate and shows as a percent with one decimal; a text value (a reason such
 * as OUT_OF_STOCK, a window such as 7d) shows as its label in the text's language.
 */
public final class Messages {

    public static final String EN_FILE = "messages_en.properties";
    public static final String ZH_FILE = "messages_zh_CN.properties";
    /** Prefix of the labels of evidence values: {@code label.OUT_OF_STOCK}. Labels are not codes rules emit. */
    public static final String LABEL = "label.";
    /** A rate: a percent with one decimal (0.0833 → 8.3%), as the language writes percentages. Immutable. */
    private static final UnlocalizedNumberFormatter PERCENT = NumberFormatter.with().unit(MeasureUnit.PERCENT)
            .scale(Scale.powerOfTen(2)).precision(Precision.fixedFraction(1));
    /** {@link #PERCENT} in each language (localizing it each time cost as much as formatting). Immutable. */
    private static final com.ibm.icu.number.LocalizedNumberFormatter PERCENT_EN = PERCENT.locale(ULocale.ENGLISH);
    private static final com.ibm.icu.number.LocalizedNumberFormatter PERCENT_ZH = PERCENT.locale(ULocale.SIMPLIFIED_CHINESE);

    private final Map<String, String> en;
    private final Map<String, String> zh;
    /** Of each text (pattern), the argument names it uses only plainly: parsed once, when the files are read. */
    private final Map<String, Set<String>> plain;
    /**
     * Parsed formats, per pattern and language, ready to be borrowed: parsing a pattern (and making the number and
     * plural formats it names) cost more than formatting with it. A format is not safe for two threads at once, so
     * each is lent to one caller at a time; there are at most as many per pattern as renders ran at once.
     */
    private final Map<String, java.util.Queue<MessageFormat>> formats = new java.util.concurrent.ConcurrentHashMap<>();

    private Messages(Map<String, String> en, Map<String, String> zh, Map<String, Set<String>> plain) {
        this.en = en;
        this.zh = zh;
        this.plain = plain;
    }

    /** No texts at all: every code renders as itself. */
    public static Messages empty() {
        return new Messages(Map.of(), Map.of(), Map.of());
    }

    /** The messages of a ruleset's files, as they were checked when the ruleset was compiled. */
    public static Messages of(RulesetFiles files) {
        return read(files.files(), new java.util.ArrayList<>());
    }

    /** Both languages' texts; a missing or unreadable file, or a text that is not a valid pattern, is a problem. */
    static Messages read(Map<String, String> files, List<RulesetProblem> problems) {
        Map<String, Set<String>> plain = new HashMap<>();
        return new Messages(load(files, EN_FILE, problems, plain), load(files, ZH_FILE, problems, plain), plain);
    }

    private static Map<String, String> load(Map<String, String> files, String name, List<RulesetProblem> problems,
            Map<String, Set<String>> plain) {
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
        map.forEach((code, pattern) -> {
            if (!code.startsWith(LABEL)) {
                try {
                    plain.put(pattern, plainArguments(new MessagePattern(pattern)));
                } catch (IllegalArgumentException e) {
                    problems.add(new RulesetProblem(name, lineOf(text, code), "the text of " + code
                            + " is not a valid message pattern: " + e.getMessage()));
                }
            }
        });
        return map;
    }

    /** The line where {@code key} is defined, 1-based; null when it cannot be told. */
    private static Integer lineOf(String text, String key) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).stripLeading();
            if (line.startsWith(key) && line.substring(key.length()).matches("\\s*[=:\\s].*")) {
                return i + 1;
            }
        }
        return null;
    }

    /** Languages lacking a text for {@code code}, as file names. */
    List<String> missing(String code) {
        return java.util.stream.Stream.of(EN_FILE, ZH_FILE)
                .filter(f -> !(f.equals(EN_FILE) ? en : zh).containsKey(code)).toList();
    }

    /**
     * The text of {@code code} in {@code locale} (Chinese for any zh locale, else English), evidence filled in and
     * formatted for that language. An argument without evidence stays as {@code {name}}.
     */
    public String render(String code, Locale locale, Map<String, Object> evidence) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        Map<String, String> texts = chinese ? zh : en;
        String template = texts.getOrDefault(code, en.getOrDefault(code, code));
        ULocale language = chinese ? ULocale.SIMPLIFIED_CHINESE : ULocale.ENGLISH;
        String formatKey = (chinese ? "zh\u0000" : "en\u0000") + template;
        java.util.Queue<MessageFormat> idle = formats.computeIfAbsent(formatKey,
                k -> new java.util.concurrent.ConcurrentLinkedQueue<>());
        MessageFormat format = idle.poll();
        try {
            if (format == null) {
                format = new MessageFormat(template, language);
            }
            Map<String, Object> arguments = new HashMap<>();
            if (evidence != null && !evidence.isEmpty()) {
                // a text read with the files was parsed then; only a code without a text (itself) is parsed here
                Set<String> plainNames = plain.containsKey(template) ? plain.get(template)
                        : plainArguments(new MessagePattern(template));
                evidence.forEach((name, value) -> arguments.put(name, argument(name, value, plainNames, texts, language)));
            }
            String text = format.format(arguments);
            idle.offer(format);
            return text;
        } catch (IllegalArgumentException e) {
            // only a text that was never checked gets here (a revision stored before texts were patterns), or
            // evidence of the wrong kind (a text given to a plural): the raw text beats no answer. The format is
            // not lent again: a failed format may have left it half-way.
            return template;
        }
    }

    /** Names used only as a plain {@code {name}}, with no type or style anywhere in the pattern. */
    private static Set<String> plainArguments(MessagePattern parsed) {
        Set<String> plain = new HashSet<>();
        Set<String> typed = new HashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START) {
                String name = parsed.getSubstring(parsed.getPart(i + 1));
                (part.getArgType() == MessagePattern.ArgType.NONE ? plain : typed).add(name);
            }
        }
        plain.removeAll(typed);
        return plain;
    }

    /**
     * A value as the pattern takes it: a code-like text by its label ({@code label.OUT_OF_STOCK=商品缺货}) in the
     * language of the text, so no raw code reaches a reader; a decimal in a plain argument as a percent.
     */
    private Object argument(String name, Object value, Set<String> plain, Map<String, String> texts,
            ULocale language) {
        if (value instanceof String code) {
            String label = texts.getOrDefault(LABEL + code, en.get(LABEL + code));
            return label != null ? label : code;
        }
        if ((value instanceof Double || value instanceof Float) && plain.contains(name)) {
            return (language == ULocale.SIMPLIFIED_CHINESE ? PERCENT_ZH : PERCENT_EN).format((Number) value).toString();
        }
        return value;
    }
}
