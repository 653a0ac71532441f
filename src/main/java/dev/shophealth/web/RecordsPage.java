package dev.shophealth.web;

import dev.shophealth.cancellation.CancellationQueries;
import dev.shophealth.cancellation.CancellationReason;
import dev.shophealth.cancellation.CancellationResponse;
import dev.shophealth.cancellation.CancellationStatus;
import dev.shophealth.common.PageResponse;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The shop's cancellation records, as the guide asks merchants to keep them: filtered by reason, status and date,
 * and as a spreadsheet (CSV, with Chinese column names when the page is in Chinese).
 */
@Path("/shop/{shopId}/records")
@Blocking
public class RecordsPage {

    static final int PAGE_SIZE = 20;

    @Inject
    Pages pages;
    @Inject
    CancellationQueries queries;
    @Inject
    @Location("web/shop/records.html")
    Template records;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response list(@PathParam("shopId") String shopId, @QueryParam("reason") String reason,
            @QueryParam("status") String status, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") String page) {
        Optional<Response> gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        CancellationReason r = enumOrNull(CancellationReason.class, reason);
        CancellationStatus s = enumOrNull(CancellationStatus.class, status);
        Instant start = day(from, 0);
        Instant end = day(to, 1);
        int p = Paging.page(page);
        PageResponse<CancellationResponse> found = queries.history(shopId, r, s, start, end, p, PAGE_SIZE,
                pages.locale(), Instant.now());
        return pages.html(records.data("shopId", shopId).data("items", found.items())
                .data("pager", Paging.of(p, PAGE_SIZE, found.total())).data("base", pages.baseQuery())
                .data("reason", r == null ? "" : r.name()).data("status", s == null ? "" : s.name())
                .data("from", from == null ? "" : from).data("to", to == null ? "" : to)
                .data("reasons", Arrays.stream(CancellationReason.values()).map(Enum::name).toList())
                .data("statuses", Arrays.stream(CancellationStatus.values()).map(Enum::name).toList()));
    }

    /** Every request of the shop as CSV (UTF-8 with a byte-order mark); Chinese column names on a Chinese page. */
    @GET
    @Path("export.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("shopId") String shopId) {
        Optional<Response> gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        String csv = queries.records(shopId, pages.locale(), pages.fmt().zone(), null, null);
        return Response.ok(csv).type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + shopId + "-cancellations.csv\"").build();
    }

    /** A day of the filter, or null (no bound) when absent, unreadable or outside the years 1 to 9999. */
    private Instant day(String text, int plusDays) {
        try {
            if (text == null || text.isBlank()) {
                return null;
            }
            LocalDate day = LocalDate.parse(text.strip());
            return dev.shophealth.common.Params.supportedYear(day.getYear())
                    ? day.plusDays(plusDays).atStartOfDay(pages.fmt().zone()).toInstant() : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
