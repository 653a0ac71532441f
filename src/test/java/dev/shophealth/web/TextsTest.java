package dev.shophealth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every page text exists in English and in Chinese, and is a valid ICU MessageFormat pattern. */
class TextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Map<String, String> en = Texts.load("web/messages_en.properties");
        Map<String, String> zh = Texts.load("web/messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
    }

    @Test
    void everyTextIsAPattern() {
        List<String> invalid = new ArrayList<>();
        for (String file : List.of("web/messages_en.properties", "web/messages_zh_CN.properties")) {
            Texts.load(file).forEach((key, text) -> {
                try {
                    new com.ibm.icu.text.MessagePattern(text);
                } catch (IllegalArgumentException e) {
                    invalid.add(file + " " + key + ": " + e.getMessage());
                }
            });
        }
        assertEquals(List.of(), invalid);
    }

    @Test
    void pluralsAndNumbersFollowTheLanguage() {
        Texts texts = new Texts();
        assertEquals("1 day", texts.format(Locale.ENGLISH, "dash.days", Map.of("days", 1)));
        assertEquals("30 days", texts.format(Locale.ENGLISH, "dash.days", Map.of("days", 30)));
        assertEquals("近30天", texts.format(Locale.SIMPLIFIED_CHINESE, "dash.days", Map.of("days", 30)));
        assertEquals("Refused: 1 problem, the first: a.drl:3: no",
                texts.format(Locale.ENGLISH, "version.refused", Map.of("count", 1, "first", "a.drl:3: no")));
        assertEquals("Refused: 1,200 problems, the first: a.drl:3: no",
                texts.format(Locale.ENGLISH, "version.refused", Map.of("count", 1200, "first", "a.drl:3: no")));
        assertEquals("被拒绝：共 2 个问题，第一个：a.drl:3: no",
                texts.format(Locale.SIMPLIFIED_CHINESE, "version.refused", Map.of("count", 2, "first", "a.drl:3: no")));
        assertEquals("2 d 3 h", new Fmt(Locale.ENGLISH, java.time.ZoneOffset.UTC, texts).waiting(2 * 86_400 + 3 * 3_600));
        assertEquals("3 分 5 秒", new Fmt(Locale.SIMPLIFIED_CHINESE, java.time.ZoneOffset.UTC, texts).seconds(185));
    }

    @Test
    void everyTextATemplateNamesExists() throws IOException {
        Map<String, String> en = Texts.load("web/messages_en.properties");
        Pattern key = Pattern.compile("m\\.get\\('([^']+)'\\)");
        TreeSet<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates/web"))) {
            for (Path t : templates.filter(Files::isRegularFile).toList()) {
                Matcher m = key.matcher(Files.readString(t));
                while (m.find()) {
                    if (!en.containsKey(m.group(1))) {
                        missing.add(t.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(), missing);
    }
}
