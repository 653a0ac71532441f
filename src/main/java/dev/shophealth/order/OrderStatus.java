package dev.shophealth.order;

/** Where an order stands; only the cancellation flow moves an order to {@link #CANCELLED}. */
public enum OrderStatus {
    AWAITING_SHIPMENT, SHIPPED, DELIVERED, CANCELLED
}
