package dev.shophealth.web;

import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.ParametersReader;
import dev.shophealth.ruleset.engine.RulesetProblem;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A version against another (the active one by default): the parameters that differ as a table (name, old, new),
 * then every changed file side by side, unchanged stretches folded.
 */
@Path("/rules/versions/{revision}/diff")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class DiffPage {

    /** One parameter whose value differs. */
    @TemplateData
    public record ParameterChange(String name, String before, String after) {
    }

    /** One file that differs: ADDED, REMOVED or CHANGED, with its rows. */
    @TemplateData
    public record FileChange(String path, String status, List<SideBySide.Row> rows) {
    }

    @Inject
    Pages pages;
    @Inject
    Candidates candidates;
    @Inject
    @Location("web/rules/diff.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@PathParam("revision") String revision, @QueryParam("against") String against) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String base;
        SortedMap<String, String> old;
        SortedMap<String, String> now;
        try {
            base = candidates.base(against);
            old = candidates.files(base);
            now = candidates.files(revision);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        TreeSet<String> paths = new TreeSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<FileChange> files = new ArrayList<>();
        for (String path : paths) {
            String a = old.get(path);
            String b = now.get(path);
            if (!Objects.equals(a, b)) {
                files.add(new FileChange(path, a == null ? "ADDED" : b == null ? "REMOVED" : "CHANGED",
                        SideBySide.rows(a, b)));
            }
        }
        return pages.html(page.data("revision", revision).data("base", base)
                .data("activeBase", base.equals(candidates.activeRevision()))
                .data("parameters", parameters(old.get(ParametersReader.FILE), now.get(ParametersReader.FILE)))
                .data("files", files));
    }

    static List<ParameterChange> parameters(String before, String after) {
        Map<String, Object> a = values(before);
        Map<String, Object> b = values(after);
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names.stream().filter(n -> !Objects.equals(a.get(n), b.get(n)))
                .map(n -> new ParameterChange(n, text(a.get(n)), text(b.get(n)))).toList();
    }

    private static Map<String, Object> values(String yaml) {
        if (yaml == null) {
            return Map.of();
        }
        List<RulesetProblem> problems = new ArrayList<>();
        ParametersReader.Read read = ParametersReader.read(yaml, null, problems);
        return read == null ? Map.of() : read.values();
    }

    private static String text(Object v) {
        return v == null ? "—" : String.valueOf(v);
    }
}
