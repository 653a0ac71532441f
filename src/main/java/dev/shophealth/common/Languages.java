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
        for (Locale locale : acceptable(headers)) {
            if ("zh".equals(locale.getLanguage())) {
                return ZH;
            }
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** The header's languages; one that cannot be read ({@code en;q=2}) is the client's fault, named as such. */
    private static java.util.List<Locale> acceptable(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            throw ProblemException.badRequest(HttpHeaders.ACCEPT_LANGUAGE,
                    "must be language tags with weights from 0 to 1, such as zh-CN,en;q=0.8");
        }
    }
}
