package dev.shophealth.ruleset.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Texts are ICU MessageFormat patterns: plurals, numbers and percentages as the reader's language writes them, a
 * text that is not a valid pattern refused with its file and line.
 */
class MessagesTest {

    private static final Messages RULES = Messages.of(RulesetFiles.read(Path.of("rules")));

    @Test
    void daysAgoArePluralInEnglishAndCountedInChinese() {
        assertEquals("A quality inspection of this product failed 1 day ago: the quality issue is confirmed.",
                quality(Locale.ENGLISH, 1));
        assertEquals("A quality inspection of this product failed 4 days ago: the quality issue is confirmed.",
                quality(Locale.ENGLISH, 4));
        assertEquals("A quality inspection of this product failed today: the quality issue is confirmed.",
                quality(Locale.ENGLISH, 0));
        assertEquals("该商品 1 天前质检不合格：质量问题属实。", quality(Locale.SIMPLIFIED_CHINESE, 1));
        assertEquals("该商品 4 天前质检不合格：质量问题属实。", quality(Locale.SIMPLIFIED_CHINESE, 4));
        assertEquals("该商品今天质检不合格：质量问题属实。", quality(Locale.SIMPLIFIED_CHINESE, 0));
    }

    @Test
    void ratesArePercentagesAndCountsAreGroupedInBothLanguages() {
        // given: 125 of 1,500 orders cancelled, against a 2.5 % warning level
        Map<String, Object> evidence = Map.of("days", 7, "orders", 1500, "cancellations", 125,
                "rate", 125 / 1500.0, "threshold", 0.025);

        // when / then
        assertEquals("The shop cancelled 125 of 1,500 orders in the last 7 days (8.3%), above the warning level of "
                + "2.5%.", RULES.render("HIGH_CANCELLATION_RATE", Locale.ENGLISH, evidence));
        assertEquals("店铺近 7 天 1,500 个订单中取消了 125 个（8.3%），超过预警线 2.5%。",
                RULES.render("HIGH_CANCELLATION_RATE", Locale.SIMPLIFIED_CHINESE, evidence));
    }

    @Test
    void oneOfAKindIsSingular() {
        Map<String, Object> one = Map.of("count", 1, "incidents", 1, "orders", 80, "days", 30);
        assertEquals("1 logistics cancellation of the shop's own and 1 delay, loss or damaged parcel on 80 orders in "
                + "30 days.", RULES.render("LOGISTICS_TROUBLE", Locale.ENGLISH, one));
        assertEquals("1 cancellation in 30 days was forced by a transport disruption in the buyer's region: force "
                + "majeure, not counted as the seller's fault.",
                RULES.render("DISRUPTION_CANCELLATIONS", Locale.ENGLISH, one));
    }

    @Test
    void aTextMayChooseItsOwnNumberFormat() {
        Messages messages = read("RATE=Rate {rate, number, percent} of {orders, number, integer}\n",
                "RATE=比率 {rate, number, percent}\n", new ArrayList<>());
        assertEquals("Rate 8% of 1,500", messages.render("RATE", Locale.ENGLISH, Map.of("rate", 0.0833, "orders", 1500)));
        assertEquals("比率 8%", messages.render("RATE", Locale.CHINA, Map.of("rate", 0.0833)));
    }

    @Test
    void evidenceNotGivenStaysNamedAndCodesShowTheirLabels() {
        assertEquals("No evidence backs the reason \"{reason}\": a person must check it.",
                RULES.render("EVIDENCE_MISSING", Locale.ENGLISH, Map.of()));
        assertEquals("没有证据支持取消理由\"商品缺货\"：需要人工审核。",
                RULES.render("EVIDENCE_MISSING", Locale.SIMPLIFIED_CHINESE, Map.of("reason", "OUT_OF_STOCK")));
    }

    @Test
    void aTextThatIsNotAPatternIsAProblemNamingItsFileLineAndCode() {
        // given: an analyst forgot the other branch's text
        List<RulesetProblem> problems = new ArrayList<>();

        // when
        Messages messages = read("# findings\nFINE=Fine\nBROKEN=Failed {days, plural, one {# day} other ago\n",
                "FINE=好\nBROKEN={days} 天前\n", problems);

        // then: the ruleset is refused; a revision stored before the check (never refused) shows the raw text
        assertEquals(1, problems.size(), problems.toString());
        assertEquals(Messages.EN_FILE, problems.get(0).file());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("BROKEN"), problems.get(0).message());
        assertEquals("Failed {days, plural, one {# day} other ago",
                messages.render("BROKEN", Locale.ENGLISH, Map.of("days", 2)));
        assertEquals("2 天前", messages.render("BROKEN", Locale.CHINESE, Map.of("days", 2)));
    }

    private static String quality(Locale locale, int days) {
        return RULES.render("QUALITY_DEFECT_CONFIRMED", locale, Map.of("days", days));
    }

    private static Messages read(String en, String zh, List<RulesetProblem> problems) {
        return Messages.read(Map.of(Messages.EN_FILE, en, Messages.ZH_FILE, zh), problems);
    }
}
