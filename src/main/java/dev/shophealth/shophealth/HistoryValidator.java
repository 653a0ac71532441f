package dev.shophealth.shophealth;

import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a posted history completely; every fault is named by its path, e.g. {@code reviews[2].stars}. */
final class HistoryValidator {

    static final int MAX_RECORDS = 200_000;

    private HistoryValidator() {
    }

    static void validate(HistoryRequest h) {
        List<FieldError> errors = new ArrayList<>();
        if (h == null) {
            throw ProblemException.badRequest("body", "a shop history is required");
        }
        if (h.shop() == null || h.shop().id() == null || h.shop().id().isBlank()) {
            errors.add(new FieldError("shop.id", "is required"));
        }
        if (h.asOf() == null) {
            errors.add(new FieldError("asOf", "is required: the report date, e.g. 2026-11-26T00:00:00+08:00"));
        }
        Set<String> orders = new HashSet<>();
        List<HistoryRequest.Order> list = h.orders() == null ? List.of() : h.orders();
        if (list.size() > MAX_RECORDS) {
            errors.add(new FieldError("orders", "more than " + MAX_RECORDS + " orders"));
        }
        for (int i = 0; i < list.size(); i++) {
            var o = list.get(i);
            require(errors, "orders[" + i + "]", o, "orderNo", o == null ? null : o.orderNo(), "placedAt",
                    o == null ? null : o.placedAt());
            if (o != null && o.orderNo() != null && !orders.add(o.orderNo())) {
                errors.add(new FieldError("orders[" + i + "].orderNo", "appears twice"));
            }
        }
        records(errors, "cancellationRequests", h.cancellationRequests(), orders, (r, p) -> {
            require(errors, p, r, "reason", r.reason(), "submittedAt", r.submittedAt(), "status", r.status());
            if (r.status() != null && r.status() != CancellationStatus.PENDING_REVIEW && r.decidedAt() == null) {
                errors.add(new FieldError(p + ".decidedAt", "is required unless the request is PENDING_REVIEW"));
            }
        });
        records(errors, "buyerContacts", h.buyerContacts(), orders, (r, p) -> {
            require(errors, p, r, "contactedAt", r.contactedAt());
            if (r != null && r.compensationType() != null && java.util.Arrays.stream(
                    dev.shophealth.cancellation.CompensationType.values()).noneMatch(t -> t.name().equals(r.compensationType()))) {
                errors.add(new FieldError(p + ".compensationType", "must be one of "
                        + java.util.Arrays.toString(dev.shophealth.cancellation.CompensationType.values())));
            }
        });
        records(errors, "reviews", h.reviews(), orders, (r, p) -> {
            require(errors, p, r, "stars", r.stars(), "reviewedAt", r.reviewedAt());
            if (r.stars() != null && (r.stars() < 1 || r.stars() > 5)) {
                errors.add(new FieldError(p + ".stars", "must be between 1 and 5"));
            }
        });
        records(errors, "complaints", h.complaints(), orders, (r, p) -> require(errors, p, r, "complainedAt", r.complainedAt()));
        records(errors, "logisticsEvents", h.logisticsEvents(), orders, (r, p) -> require(errors, p, r, "kind", r.kind(),
                "occurredAt", r.occurredAt()));
        var inspections = h.inspections() == null ? List.<HistoryRequest.Inspection>of() : h.inspections();
        for (int i = 0; i < inspections.size(); i++) {
            var r = inspections.get(i);
            require(errors, "inspections[" + i + "]", r, "result", r == null ? null : r.result(), "inspectedAt",
                    r == null ? null : r.inspectedAt());
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    /** Checks each record of a list that refers to an order: the order must be among the posted ones. */
    private static <T extends HistoryRequest.OrderBound> void records(List<FieldError> errors, String name, List<T> list, Set<String> orders,
            java.util.function.BiConsumer<T, String> check) {
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            T record = list.get(i);
            String path = name + "[" + i + "]";
            if (record == null) {
                errors.add(new FieldError(path, "must be an object"));
                continue;
            }
            String orderNo = record.orderNo();
            if (orderNo == null || !orders.contains(orderNo)) {
                errors.add(new FieldError(path + ".orderNo", "must be the number of one of the posted orders"));
            }
            check.accept(record, path);
        }
    }

    private static void require(List<FieldError> errors, String path, Object record, Object... namesAndValues) {
        if (record == null) {
            errors.add(new FieldError(path, "must be an object"));
            return;
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                errors.add(new FieldError(path + "." + namesAndValues[i], "is required"));
            }
        }
    }
}
