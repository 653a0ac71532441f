package dev.shophealth.shophealth;

/**
 * What a health read needs to know before it judges, read by {@link ShopHeads} in one statement.
 *
 * @param exists whether the shop exists
 * @param latestDecisionId the id of its latest {@code SHOP_HEALTH} row in the decision log, null when it has none
 * @param changes how many times its per-day counts have changed ({@link dev.shophealth.cancellation.ShopChanges})
 */
record ShopHead(boolean exists, String latestDecisionId, long changes) {
}
