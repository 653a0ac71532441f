package dev.shophealth.cancellation;

/**
 * A reviewer's decision on a pending request: APPROVE or REJECT, with a note. The reviewer is the authenticated
 * user; {@code reviewer} names one only when the service itself decides (the sample loader).
 */
public record ReviewRequest(String verdict, String note, String reviewer) {
}
