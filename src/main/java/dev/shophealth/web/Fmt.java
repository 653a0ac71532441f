package dev.shophealth.web;

import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/** Numbers, CNY amounts, times and waiting times as a reader of the page's language expects, in the platform's zone. */
@TemplateData
public class Fmt {

    private final Locale locale;
    private final ZoneId zone;
    private final Texts texts;

    Fmt(Locale locale, ZoneId zone, Texts texts) {
        this.locale = locale;
        this.zone = zone;
        this.texts = texts;
    }

    /** ¥632.00 in Chinese, CN¥632.00 in English. */
    public String money(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getCurrencyInstance(WebLocales.isChinese(locale) ? Locale.CHINA : Locale.US);
        f.setCurrency(Currency.getInstance("CNY"));
        return f.format(amount);
    }

    /** 2026年11月25日 04:00 / Nov 25, 2026, 4:00 AM in Asia/Shanghai. */
    public String time(Instant at) {
        return at == null ? "—"
                : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                        .withZone(zone).format(at);
    }

    public String date(Instant at) {
        return at == null ? "—" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                .withZone(zone).format(at);
    }

    /** The last day of a period that ends (exclusively) at {@code end}: a period to Nov 27, 00:00 ends on Nov 26. */
    public String lastDay(Instant end) {
        return end == null ? "—" : date(end.minusNanos(1));
    }

    /** A short date for chart labels: 11-25 / Nov 25. */
    public String shortDate(Instant at) {
        return DateTimeFormatter.ofPattern(WebLocales.isChinese(locale) ? "M月d日" : "MMM d", locale).withZone(zone)
                .format(at);
    }

    /** The value of a datetime-local input (no zone: the platform's). */
    public String inputTime(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm").withZone(zone).format(at);
    }

    /** A fraction as a percentage with one decimal: 0.025 → 2.5%. */
    public String pct(double fraction) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    public String number(long n) {
        return NumberFormat.getIntegerInstance(locale).format(n);
    }

    public String number(int n) {
        return number((long) n);
    }

    /** 2 d 3 h / 2天3小时; under an hour in minutes. */
    public String waiting(long seconds) {
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3_600;
        long minutes = seconds % 3_600 / 60;
        if (days > 0) {
            return texts.format(locale, "fmt.daysHours", Map.of("days", days, "hours", hours));
        }
        if (hours > 0) {
            return texts.format(locale, "fmt.hoursMinutes", Map.of("hours", hours, "minutes", minutes));
        }
        return texts.format(locale, "fmt.minutes", Map.of("minutes", minutes));
    }

    /** A short duration: 42 s / 3 min 5 s. */
    public String seconds(long seconds) {
        return seconds < 60 ? texts.format(locale, "fmt.seconds", Map.of("seconds", seconds))
                : seconds < 3_600 ? texts.format(locale, "fmt.minutesSeconds",
                        Map.of("minutes", seconds / 60, "seconds", seconds % 60))
                : waiting(seconds);
    }

    public ZoneId zone() {
        return zone;
    }
}
