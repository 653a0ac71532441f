package dev.shophealth.cancellation;

/** A reviewer's decision on a pending request: APPROVE or REJECT, with a note. The reviewer is the authenticated user. */
public record ReviewRequest(String verdict, String note) {
}
