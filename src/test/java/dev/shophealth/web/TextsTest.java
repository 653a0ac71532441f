package dev.shophealth.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
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
}
