package dev.shophealth.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The pages' texts in English and Chinese, from {@code web/messages_en.properties} and
 * {@code web/messages_zh_CN.properties} (UTF-8). A template reads them as {@code m.key}; a key missing in one
 * language fails {@code TextsTest}, never a page. A text with arguments is an ICU MessageFormat pattern with named
 * arguments ({@code {days, plural, one {# day} other {# days}}}), formatted for the page's language.
 */
@Singleton
public class Texts {

    private final Map<String, String> en = load("web/messages_en.properties");
    private final Map<String, String> zh = load("web/messages_zh_CN.properties");

    /** Every text in the page's language. */
    public Map<String, String> of(Locale locale) {
        return WebLocales.isChinese(locale) ? zh : en;
    }

    /** One text with its named arguments filled in: plurals and numbers as the page's language writes them. */
    public String format(Locale locale, String key, Map<String, ?> args) {
        String text = of(locale).getOrDefault(key, key);
        return new MessageFormat(text, ULocale.forLocale(locale)).format(args);
    }

    static Map<String, String> load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Texts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new TreeMap<>();
        p.forEach((k, v) -> texts.put((String) k, (String) v));
        return Map.copyOf(texts);
    }
}
