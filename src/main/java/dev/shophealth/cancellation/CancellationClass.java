package dev.shophealth.cancellation;

/**
 * A cancellation's class, as its per-day count metric names it ({@code c|<A approved or P pending>|<reason>|<S seller
 * or F force majeure>|<n no contact, c contact, m compensated>}; {@link ShopDayCounts#CANCELLATION_METRIC} in SQL):
 * the one place that writes and reads the key.
 */
public record CancellationClass(boolean pending, String reason, boolean forceMajeure, char contact) {

    /** The class a metric names, or null when it is not a cancellation's. */
    public static CancellationClass of(String metric) {
        if (!metric.startsWith("c|")) {
            return null;
        }
        String[] k = metric.split("\\|");
        return new CancellationClass(k[1].equals("P"), k[2], k[3].equals("F"), k[4].charAt(0));
    }

    public String metric() {
        return "c|" + (pending ? "P" : "A") + "|" + reason + "|" + (forceMajeure ? "F" : "S") + "|" + contact;
    }

    public boolean compensated() {
        return contact == 'm';
    }

    public boolean withoutContact() {
        return contact == 'n';
    }
}
