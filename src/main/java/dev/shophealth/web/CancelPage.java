package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationRequest;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.cancellation.CancellationService;
import dev.shophealth.cancellation.CompensationType;
import dev.shophealth.cancellation.ContactChannel;
import dev.shophealth.common.FieldError;
import dev.shophealth.common.ProblemException;
import dev.shophealth.order.OrderDetailResponse;
import dev.shophealth.order.OrderService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Steps 2 to 4 of cancelling a shipment, as the guide has them (step 1, finding the order, is {@link OrderSearchPage}):
 * the order with the evidence the platform holds; the reason, the contact with the buyer and the confirmation; and
 * the verdict with its findings and suggestions. The form goes to the same {@link CancellationService} as the API,
 * with an idempotency key made when the form is shown, so a double click submits once.
 */
@Path("/shop/{shopId}/orders/{orderNo}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CancelPage {

    /** What the form sent, to show it again beside the problems. */
    public record Form(String key, String reason, String detail, String channel, String contactedAt, String summary,
            String compensationType, String compensationAmount) {
    }

    @Inject
    Pages pages;
    @Inject
    OrderService orders;
    @Inject
    CancellationService cancellations;
    @Inject
    CancellationQueries queries;
    @Inject
    @Location("web/shop/order.html")
    Template order;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo) {
        Optional<Response> gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        Form empty = new Form(UUID.randomUUID().toString(), null, null, "PLATFORM_MESSAGE",
                pages.fmt().inputTime(Instant.now()), null, "", null);
        return render(shopId, orderNo, empty, null, List.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("shopId") String shopId, @PathParam("orderNo") String orderNo,
            @FormParam("key") String key, @FormParam("reason") String reason, @FormParam("detail") String detail,
            @FormParam("channel") String channel, @FormParam("contactedAt") String contactedAt,
            @FormParam("summary") String summary, @FormParam("compensationType") String compensationType,
            @FormParam("compensationAmount") String compensationAmount) {
        Optional<Response> gate = pages.shopGate(shopId, true);
        if (gate.isPresent()) {
            return gate.get();
        }
        Form form = new Form(key, reason, detail, channel, contactedAt, summary, compensationType, compensationAmount);
        try {
            CancellationRequest request = new CancellationRequest(orderNo, reason, detail, null, contact(form));
            CancellationResponse answer = cancellations.submit(key, request, pages.locale(), Instant.now()).response();
            return Pages.redirect("/shop/" + shopId + "/requests/" + answer.id());
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return pages.notFound();
            }
            return render(shopId, orderNo, form, e.toProblem().detail(), e.errors(), e.status());
        }
    }

    private Response render(String shopId, String orderNo, Form form, String problem, List<FieldError> errors,
            int status) {
        OrderDetailResponse detail;
        try {
            detail = orders.detail(orderNo);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        if (!detail.order().shopId().equals(shopId)) {
            return pages.notFound();
        }
        TemplateInstance page = order.data("shopId", shopId).data("o", detail.order()).data("evidence", detail.evidence())
                .data("form", form).data("problem", problem).data("errors", errors)
                .data("reasons", Arrays.stream(CancellationReason.values()).map(Enum::name).toList())
                .data("channels", Arrays.stream(ContactChannel.values()).map(Enum::name).toList())
                .data("compensations", Arrays.stream(CompensationType.values()).map(Enum::name).toList())
                .data("cancellable", detail.order().status().name().equals("AWAITING_SHIPMENT")
                        || detail.order().status().name().equals("SHIPPED"))
                .data("merchant", pages.merchant());
        return pages.html(status, page);
    }

    /** The buyer contact as the API takes it; none when the merchant wrote nothing of what was said. */
    private CancellationRequest.BuyerContactRequest contact(Form f) {
        if (blank(f.summary())) {
            return null;
        }
        String at = f.contactedAt();
        try {
            if (!blank(at)) {
                at = LocalDateTime.parse(at.strip()).atZone(pages.fmt().zone()).toOffsetDateTime().toString();
            }
        } catch (DateTimeParseException e) {
            // passed on as typed: the service names the field
        }
        CancellationRequest.Compensation compensation = null;
        if (!blank(f.compensationType())) {
            BigDecimal amount = null;
            if (!blank(f.compensationAmount())) {
                try {
                    amount = new BigDecimal(f.compensationAmount().strip());
                } catch (NumberFormatException e) {
                    throw ProblemException.badRequest("buyerContact.compensation.amount", "must be an amount such as 10.00");
                }
            }
            compensation = new CancellationRequest.Compensation(f.compensationType(), amount);
        }
        return new CancellationRequest.BuyerContactRequest(f.channel(), at, f.summary(), compensation);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
