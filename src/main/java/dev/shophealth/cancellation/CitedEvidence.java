package dev.shophealth.cancellation;

import dev.shophealth.common.FieldError;
import dev.shophealth.order.LogisticsEvent;
import dev.shophealth.order.QualityInspection;
import dev.shophealth.order.ShopOrder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What a well-formed request claims, checked against the platform's records and the clock once its order is found
 * and locked, before screening: the evidence it cites must exist and concern this order, and the buyer was
 * contacted before the request. (The body's own form is checked by the constraints on {@link CancellationRequest}.)
 */
final class CitedEvidence {

    private CitedEvidence() {
    }

    /** Every fault, with its field; none when the request may be screened. */
    static List<FieldError> faults(ShopOrder order, CancellationRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>(evidence(order, request.evidence()));
        errors.addAll(contactTiming(request.buyerContact(), now));
        return errors;
    }

    /** An inspection of the order's product, a logistics event about the order or the buyer's region. */
    private static List<FieldError> evidence(ShopOrder order, CancellationRequest.Evidence evidence) {
        List<FieldError> errors = new ArrayList<>();
        if (evidence == null) {
            return errors;
        }
        if (evidence.inspectionId() != null) {
            QualityInspection inspection = QualityInspection.findById(evidence.inspectionId());
            if (inspection == null || !inspection.sku.equals(order.sku)) {
                errors.add(new FieldError("evidence.inspectionId",
                        "no inspection '" + evidence.inspectionId() + "' of the order's product " + order.sku));
            }
        }
        if (evidence.logisticsEventId() != null) {
            LogisticsEvent event = LogisticsEvent.findById(evidence.logisticsEventId());
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
    private static List<FieldError> contactTiming(CancellationRequest.BuyerContactRequest contact, Instant now) {
        if (contact != null && contactedAt(contact).isAfter(now)) {
            return List.of(new FieldError("buyerContact.contactedAt",
                    "must be before the request: a contact cannot be dated in the future"));
        }
        return List.of();
    }

    /** When the buyer was contacted (the constraints made sure it reads). */
    static Instant contactedAt(CancellationRequest.BuyerContactRequest contact) {
        return OffsetDateTime.parse(contact.contactedAt().strip()).toInstant();
    }
}
