package dev.shophealth.sample;

import java.util.List;

/** Texts of generated evidence and feedback, in Chinese with an English gloss, as buyers and staff would write. */
final class SampleTexts {

    static final List<String> DEFECTS = List.of("电池鼓包 Battery swelling", "充电接口接触不良 Loose charging port",
            "左耳无声 Left earbud silent", "按键失灵 Keys not responding", "屏幕坏点 Dead pixels on screen");
    static final String STORM = "暴雨导致道路中断，快递停运 Heavy rain closed roads; couriers suspended";
    static final String STORM_GOES_ON = "暴雨持续，道路仍未恢复 The storm goes on; roads still closed";
    static final String DELAY = "暴雨影响，包裹滞留中转站 Parcel held at hub by the storm";
    static final String LOST = "包裹在转运中丢失 Parcel lost in transit";

    private static final List<String> OTHER_DETAILS = List.of(
            "买家下单后要求更换收货城市，新地址超出我们的配送范围 The buyer asked to ship to a city we do not deliver to",
            "该批次包装印刷错误，需要召回重新包装后才能发货 The batch's packaging was misprinted and must be redone",
            "买家确认重复下单，请求取消其中一单 The buyer confirmed a duplicate order and asked to cancel one");

    private SampleTexts() {
    }

    static String otherDetail(java.util.Random random) {
        return OTHER_DETAILS.get(random.nextInt(OTHER_DETAILS.size()));
    }

    static String contactSummary(String reason) {
        return switch (reason) {
            case "OUT_OF_STOCK" -> "已告知买家缺货并致歉 Told the buyer it is out of stock and apologised";
            case "QUALITY_ISSUE" -> "告知买家该批次质检不合格并致歉 Told the buyer the batch failed inspection and apologised";
            case "LOGISTICS_EXCEPTION" -> "告知买家因暴雨无法送达并致歉 Told the buyer the storm blocks delivery, apologised";
            default -> "已与买家沟通并取得同意 Explained to the buyer, who agreed";
        };
    }

    static String review(ShopProfile p, int stars) {
        if (stars >= 4) {
            return p == ShopProfile.HEALTHY ? "面料舒服，尺码标准 Comfortable fabric, true to size" : "很满意 Very satisfied";
        }
        if (stars == 3) {
            return "一般般 It's okay";
        }
        if (p == ShopProfile.QUALITY) {
            return "用了两天就坏了 Broke after two days";
        }
        return p == ShopProfile.LOGISTICS ? "等了好久才到 Took ages to arrive" : "不太满意 Not satisfied";
    }

    static String complaint(ShopProfile p, boolean cancelled, boolean transport) {
        if (cancelled) {
            return "商家取消订单没有任何解释 The seller cancelled without any explanation";
        }
        if (transport) {
            return "快递一直不更新 The parcel tracking has not moved for days";
        }
        return p == ShopProfile.QUALITY ? "收到的商品有质量问题 The item arrived defective" : "商品与描述不符 Item not as described";
    }
}
