package dev.shophealth.sample;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

/**
 * Makes shops, products, orders, evidence and feedback over the last {@link #DAYS} days before an anchor date,
 * from a fixed seed: the same seed and anchor always give the same data. {@link #sample()} is the five-shop story
 * of the README; {@link #large(int, int)} mixes the same profiles into benchmark-sized data.
 */
public final class SampleGenerator {

    /** How far back the history goes. */
    public static final int DAYS = 120;
    /** The platform's time zone: China Standard Time. */
    static final ZoneOffset ZONE = ZoneOffset.ofHours(8);
    static final List<String> REGIONS = List.of("广东 Guangdong", "浙江 Zhejiang", "江苏 Jiangsu", "北京 Beijing",
            "上海 Shanghai", "四川 Sichuan", "湖北 Hubei", "山东 Shandong", "福建 Fujian", "河南 Henan");
    /** The region the logistics-trouble profile's disruption hits. */
    static final String STORM_REGION = "四川 Sichuan";

    private final Random random;
    private final OffsetDateTime end;
    private final SampleData data = new SampleData();

    public SampleGenerator(long seed, LocalDate anchor) {
        this.random = new Random(seed);
        this.end = anchor.atStartOfDay().atOffset(ZONE);
    }

    /** The five sample shops S1001–S1005 and about 5,000 orders, plus the seed's 10 / 5 / 8 example. */
    public SampleData sample() {
        int[] orders = {1800, 1200, 1000, 1000, 18};
        for (int i = 0; i < ShopProfile.ALL.size(); i++) {
            ShopHistory history = shop("S100" + (i + 1), ShopProfile.ALL.get(i), orders[i], i == 4 ? 10 : DAYS);
            if (i == 1) {
                history.seedExample("DY1002009999");
            }
        }
        return data;
    }

    /** {@code shops} shops sharing {@code orders} orders, profiles mixed mostly healthy, as on a real platform. */
    public SampleData large(int shops, int orders) {
        double[] weights = {0.6, 0.12, 0.1, 0.1, 0.08};
        // new shops have few orders; the established ones share the rest
        int perShop = (int) Math.round(orders / (shops * (1 - weights[4])));
        for (int i = 0; i < shops; i++) {
            ShopProfile profile = ShopProfile.ALL.get(pick(weights));
            int count = profile == ShopProfile.NEW_SHOP ? 5 + random.nextInt(20) : perShop;
            shop(String.format("S%06d", 100_000 + i), profile, count, profile == ShopProfile.NEW_SHOP ? 14 : DAYS);
        }
        return data;
    }

    private ShopHistory shop(String shopId, ShopProfile p, int orderCount, int days) {
        data.add("shops", "id", shopId, "name", shopName(shopId, p), "category", p.category());
        ShopHistory history = new ShopHistory(random, data, end, shopId, p);
        history.products();
        history.inspections(days);
        history.disruption();
        List<OffsetDateTime> times = new java.util.ArrayList<>();
        for (int n = 0; n < orderCount; n++) {
            long minutesBack = (long) (random.nextDouble() * days * 24 * 60);
            times.add(end.minusMinutes(minutesBack).truncatedTo(ChronoUnit.SECONDS));
        }
        // numbered in time order, as a platform would number them
        times.sort(null);
        for (int n = 0; n < times.size(); n++) {
            history.order(String.format("DY%s%06d", shopId.substring(1), n + 1), times.get(n));
        }
        history.stockCounts(days);
        return history;
    }

    private String shopName(String shopId, ShopProfile p) {
        String[] names = {"织语", "好物", "极客", "味道", "匠心", "星河", "云舍", "优选"};
        return names[Math.floorMod(shopId.hashCode(), names.length)] + p.category().split(" ")[0] + "小店 " + shopId;
    }

    private int pick(double[] weights) {
        double r = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
