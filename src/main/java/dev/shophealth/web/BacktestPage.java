package dev.shophealth.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.ProblemException;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.ruleset.backtest.BacktestJob;
import dev.shophealth.ruleset.backtest.BacktestReport;
import dev.shophealth.ruleset.backtest.BacktestService;
import dev.shophealth.shophealth.RiskLevel;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A backtest: its progress bar and ETA while it runs (the page polls a fragment with htmx until the job ends), then
 * the verdicts before and after as a chart, the level changes per shop, and the decisions that would change, each
 * linking to the decision view; those decisions as CSV.
 */
@Path("/rules/backtests/{id}")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class BacktestPage {

    /** At most this many changed decisions and levels are listed on the page; the CSV has them all. */
    static final int LISTED = 200;

    @Inject
    Pages pages;
    @Inject
    BacktestService backtests;
    @Inject
    ObjectMapper json;
    @Inject
    @Location("web/rules/backtest.html")
    Template page;
    @Inject
    @Location("web/rules/backtest-job.html")
    Template fragment;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("id") String id) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        Optional<BacktestJob.View> job = job(id);
        return job.isEmpty() ? pages.notFound() : pages.html(data(page.instance(), job.get()));
    }

    /** The job as it stands, for the page's polling: while it runs the fragment asks to be polled again. */
    @GET
    @Path("status")
    @Operation(hidden = true)
    public Response status(@PathParam("id") String id) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        Optional<BacktestJob.View> job = job(id);
        if (job.isEmpty()) {
            return pages.notFound();
        }
        return Response.ok(pages.page(data(fragment.instance(), job.get())).render(), "text/html;charset=UTF-8").build();
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response cancel(@PathParam("id") String id) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        try {
            backtests.cancel(id);
        } catch (ProblemException e) {
            if (e.status() == 404) {
                return pages.notFound();
            }
            // 409: it ended meanwhile; the page shows how
        }
        return Pages.redirect("/rules/backtests/" + id);
    }

    /** The decisions the candidate would decide otherwise, as CSV (column names in the page's language). */
    @GET
    @Path("changed.csv")
    @Produces("text/csv")
    @Operation(hidden = true)
    public Response csv(@PathParam("id") String id) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        Optional<BacktestJob.View> job = job(id);
        if (job.isEmpty() || job.get().report() == null) {
            return pages.notFound();
        }
        Map<String, String> m = pages.m();
        StringWriter out = new StringWriter();
        out.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(m.get("bt.csv.decisionId"),
                m.get("bt.csv.orderNo"), m.get("bt.csv.decidedAt"), m.get("bt.csv.before"), m.get("bt.csv.after"),
                m.get("bt.csv.rules")).get())) {
            for (BacktestReport.ChangedDecision d : job.get().report().changedDecisions()) {
                csv.printRecord(d.decisionId(), dev.shophealth.common.CsvCells.defused(d.orderNo()), pages.fmt().inputTime(d.decidedAt()),
                        d.activeVerdict(), d.candidateVerdict(), String.join(" ", d.rulesResponsible()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Response.ok(out.toString()).type("text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"backtest-" + id + "-changed.csv\"").build();
    }

    private Optional<BacktestJob.View> job(String id) {
        try {
            return Optional.of(backtests.get(id));
        } catch (ProblemException e) {
            return Optional.empty();
        }
    }

    private TemplateInstance data(TemplateInstance t, BacktestJob.View job) {
        BacktestReport r = job.report();
        boolean running = job.state() == BacktestJob.State.RUNNING;
        t.data("job", job).data("running", running).data("report", r)
                .data("percent", Math.round(job.percentDone()));
        if (r != null) {
            t.data("chart", chart(r)).data("verdicts", Arrays.stream(Verdict.values()).map(v -> new Bucket(v.name(),
                    r.activeVerdicts().getOrDefault(v, 0L), r.candidateVerdicts().getOrDefault(v, 0L))).toList())
                    .data("levels", Arrays.stream(RiskLevel.values()).map(l -> new Bucket(l.name(),
                            r.activeLevels().getOrDefault(l, 0L), r.candidateLevels().getOrDefault(l, 0L))).toList())
                    .data("changed", r.changedDecisions().stream().limit(LISTED).toList())
                    .data("changedLevels", r.changedLevels().stream().limit(LISTED).toList());
        }
        return t;
    }

    /** A verdict (or level) counted under the active ruleset and under the candidate. */
    @io.quarkus.qute.TemplateData
    public record Bucket(String name, long before, long after) {
    }

    private String chart(BacktestReport r) {
        Map<String, Object> chart = new LinkedHashMap<>();
        List<Verdict> verdicts = Arrays.asList(Verdict.values());
        chart.put("labels", verdicts.stream().map(v -> pages.m().get("verdict." + v.name())).toList());
        chart.put("before", verdicts.stream().map(v -> r.activeVerdicts().getOrDefault(v, 0L)).toList());
        chart.put("after", verdicts.stream().map(v -> r.candidateVerdicts().getOrDefault(v, 0L)).toList());
        chart.put("beforeLabel", pages.m().get("bt.activeRuleset"));
        chart.put("afterLabel", pages.m().get("bt.candidate"));
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
