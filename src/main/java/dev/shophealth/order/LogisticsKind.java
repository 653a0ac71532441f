package dev.shophealth.order;

/** What went wrong in transport. {@link #DISRUPTION} usually concerns a whole region (weather, closures). */
public enum LogisticsKind {
    DELAY, LOST, DAMAGED, DISRUPTION
}
