package dev.shophealth.cancellation;

import dev.shophealth.common.FieldError;
import dev.shophealth.common.Params;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The checks of a request body that are not business rules; every fault is reported with its field. */
final class CancellationRequestValidator {

    static final int MAX_DETAIL = 2000;
    /** The largest amount the database stores (numeric(14, 2)). */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private CancellationRequestValidator() {
    }

    static List<FieldError> validate(CancellationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            errors.add(new FieldError("body", "a JSON object with orderNo and reason is required"));
            return errors;
        }
        if (blank(r.orderNo())) {
            errors.add(new FieldError("orderNo", "is required"));
        }
        CancellationReason reason = enumValue("reason", r.reason(), CancellationReason.class, errors);
        if (reason == CancellationReason.OTHER && blank(r.detail())) {
            errors.add(new FieldError("detail", "is required when the reason is OTHER: explain it specifically"));
        }
        if (r.detail() != null && r.detail().length() > MAX_DETAIL) {
            errors.add(new FieldError("detail", "is longer than " + MAX_DETAIL + " characters"));
        }
        if (r.evidence() != null && r.evidence().warehouseStock() != null && r.evidence().warehouseStock() < 0) {
            errors.add(new FieldError("evidence.warehouseStock", "must not be negative"));
        }
        if (r.buyerContact() != null) {
            contact(r.buyerContact(), errors);
        }
        return errors;
    }

    /**
     * The platform evidence the request cites must exist and concern this order: an inspection of its product, a
     * logistics event about the order or the buyer's region. Checked after the order is found, before screening.
     */
    static List<FieldError> citedEvidence(dev.shophealth.order.ShopOrder order, CancellationRequest.Evidence evidence) {
        List<FieldError> errors = new ArrayList<>();
        if (evidence == null) {
            return errors;
        }
        if (evidence.inspectionId() != null) {
            dev.shophealth.order.QualityInspection inspection =
                    dev.shophealth.order.QualityInspection.findById(evidence.inspectionId());
            if (inspection == null || !inspection.sku.equals(order.sku)) {
                errors.add(new FieldError("evidence.inspectionId",
                        "no inspection '" + evidence.inspectionId() + "' of the order's product " + order.sku));
            }
        }
        if (evidence.logisticsEventId() != null) {
            dev.shophealth.order.LogisticsEvent event =
                    dev.shophealth.order.LogisticsEvent.findById(evidence.logisticsEventId());
            boolean concerns = event != null && (order.orderNo.equals(event.orderNo)
                    || order.buyerRegion.equals(event.region));
            if (!concerns) {
                errors.add(new FieldError("evidence.logisticsEventId", "no logistics event '"
                        + evidence.logisticsEventId() + "' about this order or the buyer's region"));
            }
        }
        return errors;
    }

    /**
     * A contact is dated before the request, so never in the future ({@code now} is the request's time; the sample
     * loader submits past requests at their own time).
     */
    static List<FieldError> contactTiming(dev.shophealth.order.ShopOrder order,
            CancellationRequest.BuyerContactRequest contact, Instant now) {
        Instant at = contact == null ? null : instant(contact.contactedAt());
        if (at == null) {
            return List.of();
        }
        if (at.isAfter(now)) {
            return List.of(new FieldError("buyerContact.contactedAt",
                    "must be before the request: a contact cannot be dated in the future"));
        }
        return List.of();
    }

    private static void contact(CancellationRequest.BuyerContactRequest c, List<FieldError> errors) {
        enumValue("buyerContact.channel", c.channel(), ContactChannel.class, errors);
        if (blank(c.summary())) {
            errors.add(new FieldError("buyerContact.summary", "is required: what was said to the buyer"));
        } else if (c.summary().length() > MAX_DETAIL) {
            errors.add(new FieldError("buyerContact.summary", "is longer than " + MAX_DETAIL + " characters"));
        }
        if (blank(c.contactedAt())) {
            errors.add(new FieldError("buyerContact.contactedAt", "is required"));
        } else if (instant(c.contactedAt()) == null) {
            errors.add(new FieldError("buyerContact.contactedAt",
                    "must be a date-time with offset such as 2026-11-20T08:30:00+08:00"));
        } else if (!Params.supportedYear(OffsetDateTime.parse(c.contactedAt().strip()).getYear())) {
            errors.add(new FieldError("buyerContact.contactedAt", Params.YEARS));
        }
        if (c.compensation() != null) {
            enumValue("buyerContact.compensation.type", c.compensation().type(), CompensationType.class, errors);
            BigDecimal amount = c.compensation().amount();
            if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.compareTo(MAX_AMOUNT) > 0)) {
                errors.add(new FieldError("buyerContact.compensation.amount",
                        "must be an amount from 0 to " + MAX_AMOUNT.toPlainString() + " with at most two decimals"));
            }
        }
    }

    static Instant instant(String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, List<FieldError> errors) {
        if (blank(value)) {
            errors.add(new FieldError(field, "is required; one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "must be one of " + Arrays.toString(type.getEnumConstants())
                    + ", got '" + value + "'"));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
