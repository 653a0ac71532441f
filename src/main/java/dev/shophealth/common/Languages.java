package dev.shophealth.common;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Locale;

/** The language of message texts: Chinese when the client prefers zh (zh-CN …) over en, English otherwise. */
public final class Languages {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private Languages() {
    }

    public static Locale pick(HttpHeaders headers) {
        if (headers == null) {
            return Locale.ENGLISH;
        }
        for (Locale locale : headers.getAcceptableLanguages()) {
            if ("zh".equals(locale.getLanguage())) {
                return ZH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }
}
