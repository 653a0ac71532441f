package dev.shophealth.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.ProblemException;
import dev.shophealth.fact.Parameters;
import dev.shophealth.ruleset.RulesetRegistry;
import dev.shophealth.shophealth.HealthReport;
import dev.shophealth.shophealth.ShopHealthService;
import dev.shophealth.shophealth.WindowMetrics;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The merchant's dashboard: the risk score as a gauge, what to do first, likely consequences, metrics per window
 * with their thresholds, and the 90-day trend. Reviewers open any shop's dashboard from the shops-by-risk list; a
 * merchant only its own (another shop answers the same 404 page as a shop that does not exist).
 */
@Path("/shop")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ShopPage {

    static final Duration TREND_SPAN = Duration.ofDays(90);
    static final Duration TREND_STEP = Duration.ofDays(3);

    @Inject
    Pages pages;
    @Inject
    ShopHealthService health;
    @Inject
    RulesetRegistry rulesets;
    @Inject
    ObjectMapper json;
    @Inject
    @Location("web/shop/dashboard.html")
    Template dashboard;
    @Inject
    @Location("web/shop/trend.html")
    Template trendChart;

    @GET
    @Operation(hidden = true)
    public Response home() {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        return pages.ownShop().map(shop -> Pages.redirect("/shop/" + shop))
                .orElseGet(() -> pages.reviewer() ? Pages.redirect("/review/shops") : notFound());
    }

    @GET
    @Path("{shopId}")
    @Operation(hidden = true)
    public Response dashboard(@PathParam("shopId") String shopId) {
        if (!pages.signedIn()) {
            return Pages.toLogin();
        }
        try {
            Instant now = Instant.now();
            HealthReport report = health.report(shopId, now, ShopHealthService.Recording.ON_CHANGE, pages.locale());
            Parameters p = rulesets.active().orElseThrow().parameters().parameters();
            return pages.html(dashboard.data("report", report)
                    .data("gauge", Gauge.of(report.riskScore(), report.riskLevel().name(), p))
                    .data("notRated", report.riskLevel().name().equals("NOT_RATED")
                            || report.findings().stream().anyMatch(f -> f.code().equals("INSUFFICIENT_HISTORY")))
                    .data("metrics", metrics(report.metrics(), p))
                    // the windows' lengths are the ruleset's parameters: the heads say what they are
                    .data("windowHeads", report.metrics().values().stream()
                            .map(w -> pages.text("dash.days", Map.of("days", w.days()))).toList())
                    .data("shopId", shopId));
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return notFound();
            }
            throw e;
        }
    }

    /**
     * The 90-day trend, a fragment the dashboard loads with htmx once it is shown: each of its 31 points is a full
     * evaluation at a past date, so the dashboard does not wait for it.
     */
    @GET
    @Path("{shopId}/trend")
    @Operation(hidden = true)
    public Response trend(@PathParam("shopId") String shopId) {
        var gate = pages.shopGate(shopId, false);
        if (gate.isPresent()) {
            return gate.get();
        }
        Instant to = Instant.now().truncatedTo(ChronoUnit.DAYS);
        ShopHealthService.Trend trend = health.history(shopId, to.minus(TREND_SPAN), to, TREND_STEP);
        Parameters p = rulesets.active().orElseThrow().parameters().parameters();
        return Response.ok(trendChart.data("chart", chart(trend, p)).data("m", pages.m()).render())
                .type("text/html;charset=UTF-8").build();
    }

    /** Anything under /shop that is no page: the same 404 page. */
    @GET
    @Path("{shopId}/{rest: .+}")
    @Operation(hidden = true)
    public Response unknown() {
        return pages.signedIn() ? notFound() : Pages.toLogin();
    }

    Response notFound() {
        return pages.notFound();
    }

    private List<MetricRow> metrics(Map<String, WindowMetrics> windows, Parameters p) {
        Fmt f = pages.fmt();
        List<MetricRow> rows = new ArrayList<>();
        rows.add(row(windows, "metric.orders", w -> f.number(w.orders()), w -> false, "—"));
        rows.add(row(windows, "metric.sellerCancellations", w -> f.number(w.sellerCancellations()), w -> false, "—"));
        rows.add(row(windows, "metric.cancellationRate", w -> f.pct(w.cancellationRate()),
                w -> w.days() <= p.longWindowDays() && w.orders() >= p.minOrdersForRate()
                        && w.cancellationRate() >= p.cancelRateWarning(),
                pages.text("metric.threshold.rate",
                        Map.of("warning", f.pct(p.cancelRateWarning()), "critical", f.pct(p.cancelRateCritical())))));
        rows.add(row(windows, "metric.complaintRate", w -> f.pct(w.complaintRate()),
                w -> w.complaintRate() >= p.complaintRateWarning(), "≥ " + f.pct(p.complaintRateWarning())));
        rows.add(row(windows, "metric.negativeReviewRate", w -> f.pct(w.negativeReviewRate()),
                w -> w.reviews() >= p.minReviewsForRate() && w.negativeReviewRate() >= p.negativeReviewRateWarning(),
                "≥ " + f.pct(p.negativeReviewRateWarning())));
        rows.add(row(windows, "metric.noContactShare", w -> f.pct(w.noContactShare()),
                w -> w.noContactShare() >= p.noContactShareWarning(), "≥ " + f.pct(p.noContactShareWarning())));
        rows.add(row(windows, "metric.failedInspections", w -> f.number(w.failedInspections()),
                w -> w.failedInspections() >= p.failedInspectionsPattern(), "≥ " + p.failedInspectionsPattern()));
        rows.add(row(windows, "metric.logisticsIncidents", w -> f.number(w.logisticsIncidents()),
                w -> w.orders() > 0 && (double) w.logisticsIncidents() / w.orders() >= p.logisticsIncidentShareWarning(),
                pages.text("metric.threshold.share", Map.of("share", f.pct(p.logisticsIncidentShareWarning())))));
        rows.add(row(windows, "metric.pendingReviews", w -> f.number(w.pendingReviews()), w -> false, "—"));
        return rows;
    }

    private MetricRow row(Map<String, WindowMetrics> windows, String key, Function<WindowMetrics, String> value,
            Predicate<WindowMetrics> over, String threshold) {
        List<MetricRow.Cell> cells = windows.values().stream()
                .map(w -> new MetricRow.Cell(value.apply(w), over.test(w))).toList();
        return new MetricRow(pages.m().getOrDefault(key, key), cells, threshold);
    }

    /** The trend's points and the level bands as JSON for the chart script (data attributes: no inline script). */
    private String chart(ShopHealthService.Trend trend, Parameters p) {
        Fmt f = pages.fmt();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", trend.points().stream().map(t -> f.shortDate(t.asOf())).toList());
        data.put("scores", trend.points().stream().map(ShopHealthService.TrendPoint::riskScore).toList());
        data.put("levels", trend.points().stream().map(t -> pages.m().get("level." + t.riskLevel().name())).toList());
        data.put("bands", List.of(p.riskMediumFrom(), p.riskHighFrom(), p.riskCriticalFrom()));
        data.put("label", pages.m().get("dash.trend.series"));
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
