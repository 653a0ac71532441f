package dev.shophealth.shophealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shophealth.cancellation.Cancellation;
import dev.shophealth.fact.ShopWindowFact;
import dev.shophealth.order.ShopOrder;
import dev.shophealth.ruleset.RulesetRegistry;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A trend's windows come from one statement over all its dates; they must be exactly the windows of one report at each
 * date, including dates that fall on a record's own time (a window includes its end and excludes its start).
 */
@QuarkusTest
@Tag("persistence")
class MetricsSeriesTest {

    @Inject
    MetricsQueries metrics;
    @Inject
    RawMetrics raw;
    @Inject
    RulesetRegistry registry;

    @Test
    @TestTransaction
    void theWindowsOfManyDatesInOneStatementAreThoseOfEachDate() {
        HealthWindows lengths = HealthWindows.of(registry.active().orElseThrow().parameters().parameters());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (String shop : List.of("S1001", "S1002", "S1003", "S1004", "S9999")) {
            List<Instant> dates = new ArrayList<>();
            for (int day = 0; day <= 120; day += 3) {
                dates.add(now.minus(Duration.ofDays(day)));
            }
            // dates on records' own times, and a window's length after them: the bounds of both ends
            ShopOrder.<ShopOrder>find("shopId = ?1 order by placedAt desc", shop).page(0, 3).list()
                    .forEach(o -> {
                        dates.add(o.placedAt);
                        dates.add(o.placedAt.plus(Duration.ofDays(lengths.days(0))));
                    });
            Cancellation.<Cancellation>find("shopId = ?1 and decidedAt is not null order by submittedAt desc", shop)
                    .page(0, 3).list().forEach(c -> {
                        dates.add(c.submittedAt);
                        dates.add(c.decidedAt);
                        dates.add(c.submittedAt.plus(Duration.ofDays(lengths.days(1))));
                    });

            List<List<ShopWindowFact>> series = raw.series(shop, dates, lengths);

            assertEquals(dates.size(), series.size());
            boolean any = false;
            for (int i = 0; i < dates.size(); i++) {
                List<ShopWindowFact> one = metrics.windows(shop, dates.get(i), lengths)
                        .getOrDefault(shop, MetricsQueries.empty(lengths));
                assertEquals(one, series.get(i), shop + " at " + dates.get(i));
                any |= one.get(2).orders() > 0;
            }
            assertTrue(any || shop.equals("S9999"), shop + " has orders in some window");
        }
    }
}
