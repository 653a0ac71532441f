package dev.shophealth.sample;

import java.util.List;

/**
 * What kind of shop the generator makes: how many orders, how they go wrong and how buyers react. The five sample
 * shops each have one profile; a large benchmark data set mixes them.
 *
 * @param category        the shop's category, as a merchant would name it
 * @param products        product names (zh + en), one sku each
 * @param minPrice        cheapest unit price, CNY
 * @param maxPrice        dearest unit price, CNY
 * @param cancelRate      share of orders that end seller-cancelled
 * @param cancelReason    the usual reason of those cancellations
 * @param meanStars       average review stars
 * @param complaintRate   share of orders with a buyer complaint
 * @param reviewRate      share of delivered orders that get a review
 * @param failedBatches   failed quality inspections over the period
 * @param regionTrouble   whether one region suffers a transport disruption
 * @param stockGap        how many pieces the warehouse typically lacks against the listed stock
 * @param contactRate     share of cancellations where the merchant contacted the buyer first
 */
public record ShopProfile(String category, List<String> products, int minPrice, int maxPrice, double cancelRate,
        String cancelReason, double meanStars, double complaintRate, double reviewRate, int failedBatches,
        boolean regionTrouble, int stockGap, double contactRate) {

    /** S1001: a healthy apparel shop. */
    static final ShopProfile HEALTHY = new ShopProfile("服装 Apparel", List.of(
            "纯棉圆领T恤 Cotton crew-neck T-shirt", "高腰直筒牛仔裤 High-rise straight jeans",
            "羊毛针织开衫 Wool knit cardigan", "轻薄羽绒服 Light down jacket", "真丝印花围巾 Printed silk scarf",
            "运动休闲卫衣 Casual sports hoodie"), 59, 399, 0.002, "OUT_OF_STOCK", 4.7, 0.003, 0.45, 0, false, 0,
            0.95);

    /** S1002: back-office stock out of sync with the warehouse. */
    static final ShopProfile STOCK_SYNC = new ShopProfile("家居 Home", List.of(
            "北欧简约陶瓷马克杯 Nordic ceramic mug", "加厚珊瑚绒毛毯 Thick coral-fleece blanket",
            "竹纤维收纳篮 Bamboo storage basket", "304不锈钢保温杯 Steel vacuum flask"), 29, 199, 0.07, "OUT_OF_STOCK", 3.9, 0.02, 0.40, 0, false, 4,
            0.55);

    /** S1003: electronics with quality problems. */
    static final ShopProfile QUALITY = new ShopProfile("数码 Electronics", List.of(
            "无线蓝牙耳机 Wireless Bluetooth earbuds", "20000毫安充电宝 20000 mAh power bank",
            "65W氮化镓快充头 65 W GaN charger", "机械键盘 Mechanical keyboard", "智能手环 Smart fitness band"),
            99, 1299, 0.015, "QUALITY_ISSUE", 2.9, 0.06, 0.50, 6, false, 0, 0.6);

    /** S1004: a weather disruption in one region delays and loses parcels. */
    static final ShopProfile LOGISTICS = new ShopProfile("食品 Snacks", List.of(
            "手工牛轧糖 Handmade nougat", "麻辣牛肉干 Spicy beef jerky", "每日坚果礼盒 Daily mixed nuts box",
            "云南普洱茶饼 Yunnan pu-erh tea cake"), 19, 129, 0.008, "LOGISTICS_EXCEPTION", 3.6, 0.035, 0.45, 0,
            true, 0, 0.7);

    /** S1005: a new shop with little history. */
    static final ShopProfile NEW_SHOP = new ShopProfile("手工艺 Handicrafts", List.of(
            "手工编织杯垫 Hand-woven coaster", "陶土香插 Clay incense holder"), 25, 89, 0.0, "OTHER", 4.8, 0.0,
            0.5, 0, false, 0, 1.0);

    static final List<ShopProfile> ALL = List.of(HEALTHY, STOCK_SYNC, QUALITY, LOGISTICS, NEW_SHOP);
}
