package dev.shophealth.shophealth;

import dev.shophealth.cancellation.CancellationStatus;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What no single record's constraints can see in a posted history: order numbers are unique, every record about an
 * order refers to one of the posted orders, and a decided cancellation request says when it was decided. Each
 * fault is reported on its record's field, e.g. {@code reviews[2].orderNo}.
 */
@Documented
@Constraint(validatedBy = ConsistentHistory.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsistentHistory {

    /** Unused: each fault has its own message. */
    String message() default "is not consistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the history's records against each other. */
    class Check implements ConstraintValidator<ConsistentHistory, HistoryRequest> {

        @Override
        public boolean isValid(HistoryRequest h, ConstraintValidatorContext context) {
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            Set<String> orders = new HashSet<>();
            List<HistoryRequest.Order> posted = h.orders() == null ? List.of() : h.orders();
            for (int i = 0; i < posted.size(); i++) {
                HistoryRequest.Order o = posted.get(i);
                if (o != null && o.orderNo() != null && !orders.add(o.orderNo())) {
                    valid = fault(context, "orders", i, "orderNo", "appears twice");
                }
            }
            valid &= bound(context, "cancellationRequests", h.cancellationRequests(), orders);
            valid &= bound(context, "buyerContacts", h.buyerContacts(), orders);
            valid &= bound(context, "reviews", h.reviews(), orders);
            valid &= bound(context, "complaints", h.complaints(), orders);
            valid &= bound(context, "logisticsEvents", h.logisticsEvents(), orders);
            List<HistoryRequest.CancellationRequest> requests = h.cancellationRequests() == null ? List.of()
                    : h.cancellationRequests();
            for (int i = 0; i < requests.size(); i++) {
                HistoryRequest.CancellationRequest r = requests.get(i);
                if (r != null && r.status() != null && r.status() != CancellationStatus.PENDING_REVIEW
                        && r.decidedAt() == null) {
                    valid = fault(context, "cancellationRequests", i, "decidedAt",
                            "is required unless the request is PENDING_REVIEW");
                }
            }
            return valid;
        }

        /** Each record of a list that refers to an order: the order must be among the posted ones. */
        private static boolean bound(ConstraintValidatorContext context, String list,
                List<? extends HistoryRequest.OrderBound> records, Set<String> orders) {
            boolean valid = true;
            for (int i = 0; records != null && i < records.size(); i++) {
                HistoryRequest.OrderBound r = records.get(i);
                if (r != null && (r.orderNo() == null || !orders.contains(r.orderNo()))) {
                    valid = fault(context, list, i, "orderNo", "must be the number of one of the posted orders");
                }
            }
            return valid;
        }

        private static boolean fault(ConstraintValidatorContext context, String list, int index, String field,
                String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(list).addPropertyNode(field)
                    .inIterable().atIndex(index).addConstraintViolation();
            return false;
        }
    }
}
