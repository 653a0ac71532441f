package dev.shophealth.web;

import dev.shophealth.common.ProblemException;
import dev.shophealth.ruleset.engine.RulesetProblem;
import dev.shophealth.ruleset.version.RulesetVersionService;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Rule files: every DRL, scenarios, parameters and messages file of a version with line numbers; one edited in the
 * page (a text area with line numbers: no code editor is served as a Maven artifact here) or a zip uploaded, and
 * saved as a candidate through the same upload as the API. Problems come back with file and line and are marked
 * at their line.
 */
@Path("/rules/files")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class RuleFilesPage {

    /** The largest zip the page takes (the API's body limit is larger; a ruleset is far smaller). */
    static final long MAX_ZIP = 5_000_000;

    /** One line of a file as shown: its number, text, and the problems at it. */
    @TemplateData
    public record Line(int no, String text, List<String> problems) {
    }

    @Inject
    Pages pages;
    @Inject
    Candidates candidates;
    @Inject
    RulesetVersionService versions;
    @Inject
    @Location("web/rules/files.html")
    Template page;

    @GET
    @Operation(hidden = true)
    public Response show(@QueryParam("revision") String revision, @QueryParam("file") String file,
            @QueryParam("edit") String edit) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String base;
        SortedMap<String, String> files;
        try {
            base = candidates.base(revision);
            files = candidates.files(base);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        String selected = file != null && files.containsKey(file) ? file : files.firstKey();
        return render(200, base, files, selected, files.get(selected), edit != null, "", List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@FormParam("base") String base, @FormParam("file") String file,
            @FormParam("content") String content, @FormParam("comment") String comment) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        SortedMap<String, String> files;
        try {
            files = candidates.files(base);
        } catch (ProblemException e) {
            return pages.notFound();
        }
        if (file == null || !files.containsKey(file)) {
            return pages.notFound();
        }
        String text = content == null ? "" : content.replace("\r\n", "\n");
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            return render(400, base, files, file, text, true, why,
                    List.of(new ProblemView("", null, pages.m().get("params.commentRequired"), null, null, null)));
        }
        if (text.equals(files.get(file))) {
            return render(400, base, files, file, text, true, why,
                    List.of(new ProblemView("", null, pages.m().get("files.nothingChanged"), null, null, null)));
        }
        Candidates.Saved saved = candidates.save(files, Map.of(file, text), why);
        if (saved.version() == null) {
            SortedMap<String, String> after = new TreeMap<>(files);
            after.put(file, text);
            return render(422, base, files, file, text, true, why, ProblemView.of(saved.problems(), after));
        }
        return Pages.redirect("/rules/versions/" + saved.version().revision() + "?created=1");
    }

    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response upload(@RestForm("zip") FileUpload zip, @RestForm("comment") String comment) {
        Optional<Response> gate = pages.analystGate();
        if (gate.isPresent()) {
            return gate.get();
        }
        String base = candidates.activeRevision();
        SortedMap<String, String> files = candidates.files(base);
        String why = comment == null ? "" : comment.strip();
        String selected = files.firstKey();
        if (zip == null || zip.size() == 0 || zip.size() > MAX_ZIP || why.isEmpty()) {
            String message = why.isEmpty() ? pages.m().get("params.commentRequired") : pages.m().get("files.zipRequired");
            return render(400, base, files, selected, files.get(selected), false, why,
                    List.of(new ProblemView("", null, message, null, null, null)));
        }
        try {
            byte[] bytes = Files.readAllBytes(zip.uploadedFile());
            return Pages.redirect("/rules/versions/" + versions.upload(bytes, why).revision() + "?created=1");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (dev.shophealth.ruleset.engine.RulesetRejectedException e) {
            return render(422, base, files, selected, files.get(selected), false, why, ProblemView.of(e.problems(), files));
        } catch (ProblemException e) {
            if (e.status() >= 500) {
                throw e;
            }
            return render(e.status(), base, files, selected, files.get(selected), false, why,
                    List.of(new ProblemView("", null, e.toProblem().detail(), null, null, null)));
        }
    }

    private Response render(int status, String base, SortedMap<String, String> files, String selected, String text,
            boolean edit, String comment, List<ProblemView> problems) {
        List<Line> lines = new ArrayList<>();
        List<String> all = text.lines().toList();
        List<Integer> marked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int no = i + 1;
            List<String> here = problems.stream().filter(p -> selected.equals(p.file()) && p.line() != null
                    && p.line() == no).map(ProblemView::message).toList();
            if (!here.isEmpty()) {
                marked.add(no);
            }
            lines.add(new Line(no, all.get(i), here));
        }
        return pages.html(status, page.data("base", base).data("paths", List.copyOf(files.keySet()))
                .data("selected", selected).data("lines", lines).data("text", text).data("edit", edit)
                .data("comment", comment).data("rejected", problems).data("marked", marked.stream()
                        .map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .data("isActive", base.equals(candidates.activeRevision())));
    }
}
