package dev.shophealth.web;

import dev.shophealth.common.Params;
import dev.shophealth.common.ProblemException;
import dev.shophealth.decision.CoverageReport;
import dev.shophealth.decision.DecisionService;
import dev.shophealth.ruleset.ActiveRulesetReport;
import dev.shophealth.ruleset.RulesetActivation;
import dev.shophealth.ruleset.RulesetService;
import dev.shophealth.ruleset.RulesetStore;
import dev.shophealth.ruleset.engine.RuleInfo;
import dev.shophealth.ruleset.version.RulesetVersionService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The analysts' home: the active ruleset (revision, who activated it and when), its rules grouped by file with
 * their severity and how often each fired in a period's decisions (never-fired rules marked), and the stored
 * versions, newest first.
 */
@Path("/rules")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RulesPage {

    /** One rule in the coverage table. */
    @TemplateData
    public record RuleRow(String id, String name, String severity, int line, long fired) {
    }

    /** The rules of one file. */
    @TemplateData
    public record FileRules(String file, List<RuleRow> rules) {
    }

    @Inject
    Pages pages;
    @Inject
    RulesetService rulesets;
    @Inject
    RulesetStore store;
    @Inject
    DecisionService decisions;
    @Inject
    RulesetVersionService versions;
    @Inject
    @Location("web/rules/active.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@QueryParam("from") String from, @QueryParam("to") String to) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        ActiveRulesetReport active = rulesets.active();
        Params.Period period;
        String problem = null;
        try {
            period = Params.period(from, to, 30, pages.fmt().zone());
        } catch (ProblemException e) {
            // the default period instead, with the field named
            period = Params.period(null, null, 30, pages.fmt().zone());
            problem = pages.text("rules.badPeriod",
                    Map.of("field", e.errors().isEmpty() ? "from" : e.errors().get(0).field()));
        }
        CoverageReport coverage = decisions.coverage(period.from(), period.to());
        Map<String, Long> fired = coverage.rules().stream()
                .collect(Collectors.toMap(CoverageReport.RuleCount::id, CoverageReport.RuleCount::fired, Long::sum));
        Map<String, List<RuleRow>> byFile = new TreeMap<>();
        for (RuleInfo r : active.rules()) {
            byFile.computeIfAbsent(r.file(), f -> new java.util.ArrayList<>()).add(new RuleRow(r.id(), r.name(),
                    String.valueOf(r.metadata().getOrDefault("severity", "")), r.line(), fired.getOrDefault(r.id(), 0L)));
        }
        List<FileRules> files = byFile.entrySet().stream().map(e -> new FileRules(e.getKey(),
                e.getValue().stream().sorted(java.util.Comparator.comparing(RuleRow::line)).toList())).toList();
        Optional<RulesetActivation> activation = store.latestActivation()
                .filter(a -> a.toRevision.equals(active.revision()));
        var zone = pages.fmt().zone();
        return pages.html(problem == null ? 200 : 400, page.data("active", active).data("activation", activation.orElse(null))
                .data("coverage", coverage).data("files", files).data("problem", problem)
                .data("from", LocalDate.ofInstant(period.from(), zone).toString())
                .data("to", LocalDate.ofInstant(period.to().minusNanos(1), zone).toString())
                .data("versions", versions.list().stream().limit(15).toList()));
    }
}
