package dev.shophealth.decision;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shophealth.common.CsvCells;
import dev.shophealth.common.Languages;
import dev.shophealth.common.PageResponse;
import dev.shophealth.common.ProblemException;
import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.decisionlog.DecisionLog;
import dev.shophealth.outcome.Verdict;
import dev.shophealth.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The decision log for analysts: search it, export it, one decision and its replay (coverage is under
 * /api/rulesets/coverage).
 */
@Path("/api/decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class DecisionResource {

    static final int MAX_EXPORT = 100_000;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    DecisionService decisions;
    @Inject
    DecisionSearch search;
    @Inject
    ObjectMapper json;
    @Inject
    ShopHealthConfig config;

    @GET
    @Operation(summary = "Search the decision log: by order, shop, kind, verdict, rule fired, revision and time",
            description = "Newest first, paged. Dates without a time are days in the platform's zone; 'to' is "
                    + "inclusive of that day. A shop's decisions are its health reports and its orders' screenings.")
    @Transactional
    public PageResponse<DecisionSearch.DecisionSummary> list(@QueryParam("kind") DecisionLog.Kind kind,
            @QueryParam("orderNo") String orderNo, @QueryParam("shopId") String shopId,
            @QueryParam("verdict") Verdict verdict, @QueryParam("rule") String rule,
            @QueryParam("revision") String revision, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        var filter = DecisionSearch.Filter.of(kind, orderNo, shopId, verdict, rule, revision, from, to, config.zone());
        return search.search(filter, page, size);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/x-ndjson"})
    @Operation(summary = "Export the decisions a search finds, as CSV (headers in the request's language, times in "
            + "the platform's zone) or NDJSON (one JSON object per line)",
            description = "format=csv (default) or ndjson; at most 'limit' rows (default and maximum 100000).")
    public Response export(@QueryParam("kind") DecisionLog.Kind kind, @QueryParam("orderNo") String orderNo,
            @QueryParam("shopId") String shopId, @QueryParam("verdict") Verdict verdict,
            @QueryParam("rule") String rule, @QueryParam("revision") String revision,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("format") String format,
            @QueryParam("limit") @DefaultValue("100000") @Min(1) @Max(MAX_EXPORT) int rows,
            @Context HttpHeaders headers) {
        var filter = DecisionSearch.Filter.of(kind, orderNo, shopId, verdict, rule, revision, from, to, config.zone());
        String f = format == null || format.isBlank() ? "csv" : format.strip();
        if (!f.equals("csv") && !f.equals("ndjson")) {
            throw ProblemException.badRequest("format", "must be csv or ndjson");
        }
        boolean chinese = Languages.pick(headers).getLanguage().equals("zh");
        ZoneId zone = config.zone();
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // CSV as the records export writes it (commons-csv), one record per line
            CSVPrinter csv = f.equals("csv") ? new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
                    .get()) : null;
            if (csv != null) {
                if (chinese) {
                    w.write('\uFEFF');
                    csv.printRecord(List.of("决策编号", "决策时间", "类型", "对象", "规则集版本", "结论", "触发规则", "错误"));
                } else {
                    csv.printRecord(List.of("decisionId", "decidedAt", "kind", "subject", "rulesetRevision", "verdict",
                            "firedRules", "error"));
                }
            }
            QuarkusTransaction.requiringNew().run(() -> search.each(filter, rows, d -> {
                try {
                    if (csv != null) {
                        csv.printRecord(Stream.of(d.decisionId(), LOCAL.format(d.decidedAt().atZone(zone)
                                .toOffsetDateTime()), d.kind(), d.subject(), d.rulesetRevision(), d.verdict(),
                                String.join(" ", d.firedRules()), d.error()).map(CsvCells::defused));
                    } else {
                        w.write(json.writeValueAsString(d));
                        w.write('\n');
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            w.flush();
        };
        return Response.ok(body, f.equals("csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"decisions." + f + "\"").build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One recorded decision: revision, input facts, outcome, fired rules")
    public DecisionView get(@PathParam("id") String id) {
        return decisions.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Evaluate the recorded facts again, with the recorded revision or ?version=, and compare")
    public ReplayReport replay(@PathParam("id") String id, @QueryParam("version") String version) {
        return decisions.replay(id, version);
    }
}
