package dev.shophealth.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/**
 * The page language: the {@code lang} cookie the language switch sets, else the browser's Accept-Language (zh
 * before en), else English.
 */
public final class WebLocales {

    static final String COOKIE = "shophealth-lang";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private WebLocales() {
    }

    static Locale pick(HttpServerRequest request) {
        Cookie cookie = request.getCookie(COOKIE);
        if (cookie != null) {
            return "zh-CN".equals(cookie.getValue()) ? ZH : Locale.ENGLISH;
        }
        String accept = request.getHeader("Accept-Language");
        List<Locale.LanguageRange> ranges;
        try {
            ranges = accept == null || accept.isBlank() ? List.of() : Locale.LanguageRange.parse(accept);
        } catch (IllegalArgumentException e) {
            ranges = List.of();
        }
        for (Locale.LanguageRange range : ranges) {
            String language = range.getRange().split("-")[0];
            if ("zh".equals(language)) {
                return ZH;
            }
            if ("en".equals(language)) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    static boolean isChinese(Locale locale) {
        return "zh".equals(locale.getLanguage());
    }

    static String tag(Locale locale) {
        return isChinese(locale) ? "zh-CN" : "en";
    }
}
