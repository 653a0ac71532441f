package dev.shophealth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every page text exists in English and in Chinese. */
class TextsTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        Map<String, String> en = Texts.load("web/messages_en.properties");
        Map<String, String> zh = Texts.load("web/messages_zh_CN.properties");
        assertEquals(new TreeSet<>(en.keySet()), new TreeSet<>(zh.keySet()));
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
