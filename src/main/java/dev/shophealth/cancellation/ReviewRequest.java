package dev.shophealth.cancellation;

/** A reviewer's decision on a pending request: APPROVE or REJECT, with a note; {@code reviewer} names them. */
public record ReviewRequest(String verdict, String note, String reviewer) {
}
