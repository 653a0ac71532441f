package dev.shophealth.web;

import dev.shophealth.ruleset.engine.ParameterView;
import dev.shophealth.ruleset.engine.ParametersEditor;
import dev.shophealth.ruleset.engine.ParametersReader;
import dev.shophealth.ruleset.engine.RulesetProblem;
import dev.shophealth.common.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Change parameters: a form made from {@code parameters.yaml} (each value with its allowed range and meaning),
 * checked as the analyst types by the same reader a reload uses (an htmx call; no rule is repeated in the
 * browser), saved as a candidate version with a required comment (checked as a reload: scenarios included).
 */
@Path("/rules/parameters")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class ParametersPage {

    /** Form fields are named {@code p.<parameter>}. */
    static final String PREFIX = "p.";

    /** One parameter on the form: its value as typed, range, meaning, and the problem with it, if any. */
    @TemplateData
    public record Field(String name, String value, String range, String meaning, String kind, String problem,
            boolean changed) {
    }

    @Inject
    Pages pages;
    @Inject
    Candidates candidates;
    @Inject
    @Location("web/rules/parameters.html")
    Template page;
    @Inject
    @Location("web/rules/parameters-check.html")
    Template check;

    @GET
    @Operation(hidden = true)
    public Response form(@QueryParam("from") String from) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String base;
        SortedMap<String, String> files;
        try {
            base = candidates.base(from);
            files = candidates.files(base);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        String yaml = files.get(ParametersReader.FILE);
        return render(200, base, yaml, Map.of(), List.of(), "", null, List.of());
    }

    /** The as-you-type check: the problems of the form's values, as a fragment (htmx). */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response check(MultivaluedMap<String, String> form) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String yaml = baseYaml(form);
        if (yaml == null) {
            return pages.notFound();
        }
        Map<String, String> values = changed(yaml, values(form));
        List<RulesetProblem> problems = problems(ParametersEditor.withValues(yaml, values));
        List<Field> fields = fields(yaml, values, problems);
        return Response.ok(pages.page(check.data("fields", fields).data("general", general(problems))
                .data("problems", problems.size()).data("changes", fields.stream().filter(Field::changed).count()))
                .render(), "text/html;charset=UTF-8").build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(MultivaluedMap<String, String> form) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String base = form.getFirst("base");
        String yaml = baseYaml(form);
        if (yaml == null) {
            return pages.notFound();
        }
        Map<String, String> values = changed(yaml, values(form));
        String comment = form.getFirst("comment") == null ? "" : form.getFirst("comment").strip();
        String edited = ParametersEditor.withValues(yaml, values);
        List<RulesetProblem> problems = problems(edited);
        String commentProblem = comment.isEmpty() ? pages.m().get("params.commentRequired") : null;
        if (!problems.isEmpty() || commentProblem != null) {
            return render(400, base, yaml, values, problems, comment, commentProblem, List.of());
        }
        if (edited.equals(yaml)) {
            return render(400, base, yaml, values, problems, comment, pages.m().get("params.nothingChanged"), List.of());
        }
        SortedMap<String, String> files = candidates.files(base);
        Candidates.Saved saved = candidates.save(files, Map.of(ParametersReader.FILE, edited), comment);
        if (saved.version() == null) {
            SortedMap<String, String> after = new java.util.TreeMap<>(files);
            after.put(ParametersReader.FILE, edited);
            return render(422, base, yaml, values, List.of(), comment, null, ProblemView.of(saved.problems(), after));
        }
        return Pages.redirect("/rules/versions/" + saved.version().revision() + "?created=1");
    }

    private String baseYaml(MultivaluedMap<String, String> form) {
        try {
            return candidates.files(form.getFirst("base")).get(ParametersReader.FILE);
        } catch (ProblemException e) {
            return null;
        }
    }

    private Response render(int status, String base, String yaml, Map<String, String> values,
            List<RulesetProblem> problems, String comment, String commentProblem, List<ProblemView> rejected) {
        List<Field> fields = fields(yaml, values, problems);
        return pages.html(status, page.data("base", base).data("fields", fields).data("general", general(problems))
                .data("comment", comment).data("commentProblem", commentProblem).data("rejected", rejected)
                .data("problems", problems.size()).data("changes", fields.stream().filter(Field::changed).count()));
    }

    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && !v.isEmpty()) {
                values.put(k.substring(PREFIX.length()), v.get(0));
            }
        });
        return values;
    }

    /**
     * Only the values that differ from the file's: an unchanged line keeps its text ({@code 0.10} stays, although
     * the form shows the number as {@code 0.1}), so the candidate's diff shows what the analyst changed.
     */
    private static Map<String, String> changed(String yaml, Map<String, String> typed) {
        ParametersReader.Read original = ParametersReader.read(yaml, null, new ArrayList<>());
        Map<String, String> changed = new LinkedHashMap<>();
        typed.forEach((name, value) -> {
            Object old = original == null ? null : original.values().get(name);
            if (old == null || !value.strip().equals(String.valueOf(old))) {
                changed.put(name, value);
            }
        });
        return changed;
    }

    static List<RulesetProblem> problems(String yaml) {
        List<RulesetProblem> problems = new ArrayList<>();
        ParametersReader.read(yaml, null, problems);
        return problems;
    }

    /** Problems that name no line of one parameter (two values that contradict each other, say). */
    private static List<String> general(List<RulesetProblem> problems) {
        return problems.stream().filter(p -> p.line() == null).map(RulesetProblem::message).toList();
    }

    /** The parameters in the order of the file, with the typed values and the problems at their lines. */
    private static List<Field> fields(String yaml, Map<String, String> typed, List<RulesetProblem> problems) {
        List<RulesetProblem> none = new ArrayList<>();
        ParametersReader.Read original = ParametersReader.read(yaml, null, none);
        Map<String, Integer> lines = lines(yaml);
        List<Field> fields = new ArrayList<>();
        for (ParameterView v : ParametersReader.views(original)) {
            String old = String.valueOf(v.value());
            String value = typed.getOrDefault(v.name(), old);
            Integer line = lines.get(v.name());
            String problem = problems.stream().filter(p -> line != null && line.equals(p.line()))
                    .map(RulesetProblem::message).findFirst().orElse(null);
            String kind = v.value() instanceof Boolean ? "boolean" : v.min() == null ? "text" : "number";
            fields.add(new Field(v.name(), value, v.min() == null ? allowed(v.comment())
                    : ParametersRange.of(v.min(), v.max()), meaning(v.comment()), kind, problem,
                    !value.strip().equals(old)));
        }
        return fields;
    }

    /** The comment without its leading range ("0..1 — warning rate: …" → "warning rate: …"). */
    static String meaning(String comment) {
        if (comment == null) {
            return "";
        }
        int dash = comment.indexOf('—');
        return dash >= 0 && dash < 40 ? comment.substring(dash + 1).strip() : comment;
    }

    /** The allowed values a comment starts with ("true|false — …" → "true | false"). */
    static String allowed(String comment) {
        int dash = comment == null ? -1 : comment.indexOf('—');
        return dash > 0 && dash < 40 ? comment.substring(0, dash).strip().replace("|", " | ") : "";
    }

    private static Map<String, Integer> lines(String yaml) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> all = yaml.lines().toList();
        for (int i = 0; i < all.size(); i++) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9]*)\\s*:").matcher(all.get(i));
            if (m.find()) {
                lines.putIfAbsent(m.group(1), i + 1);
            }
        }
        return lines;
    }

    /** A range as analysts read it: 0 … 1, 10 … 100000. */
    static final class ParametersRange {
        private ParametersRange() {
        }

        static String of(double min, double max) {
            return fmt(min) + " … " + fmt(max);
        }

        private static String fmt(double d) {
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }
}
