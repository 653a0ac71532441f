package dev.shophealth.dataimport;

import dev.shophealth.common.ShopHealthConfig;
import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Import of shops, products, orders, evidence and feedback from CSV or JSON files; large files as jobs. */
@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    @Inject
    ImportService imports;
    @Inject
    ImportJobService jobs;
    @Inject
    ShopHealthConfig config;

    @POST
    @Path("/{kind}")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Import a file of one record kind",
            description = "Kinds: shops, products, orders, stock-counts, inspections, logistics-events, reviews, "
                    + "complaints. CSV (UTF-8, header row) or a JSON array. Every row is validated; one bad "
                    + "row rejects the file with its line and field and nothing is written. Records are upserted "
                    + "by their natural key, so re-importing a file duplicates nothing. A file of more rows than "
                    + "shophealth.import.job-threshold (50,000) is imported as a job: 202 with the job's Location, "
                    + "to poll for progress and, at the end, this same report or problem.")
    @APIResponse(responseCode = "200", description = "Imported (or, for a dry run, validated)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "202", description = "A large file: imported as a job; poll it at the Location header",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJob.View.class)))
    public Response importFile(@PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @Parameter(description = "true: validate only, write nothing") @QueryParam("dryRun") @DefaultValue("false")
            boolean dryRun, InputStream body) {
        imports.requireKind(kind);
        boolean csv = contentType != null && "csv".equalsIgnoreCase(contentType.getSubtype());
        ImportFile file = ImportFile.save(body, csv);
        boolean handedOver = false;
        try {
            long threshold = config.dataImport().jobThreshold();
            // a row takes two bytes at least: a smaller file cannot be over the threshold, and needs no count
            if (file.size() > 2 * threshold && imports.count(file::rows, threshold + 1) > threshold) {
                ImportJob.View job = jobs.start(kind, file, dryRun);
                handedOver = true;
                return Response.accepted(job).location(URI.create("/api/import/jobs/" + job.id())).build();
            }
            return Response.ok(imports.importFile(kind, file.format(), file::rows, dryRun, ImportProgress.none()))
                    .build();
        } finally {
            if (!handedOver) {
                file.close();
            }
        }
    }

    @GET
    @Path("/jobs/{id}")
    @Operation(summary = "An import job: its state, progress (percent, rows, rows per second, ETA) and, at the end, "
            + "its report or the problem that rejected the file")
    public ImportJob.View job(@PathParam("id") String id) {
        return jobs.get(id);
    }

    @DELETE
    @Path("/jobs/{id}")
    @Operation(summary = "Cancel an import job; nothing of it is written")
    public ImportJob.View cancel(@PathParam("id") String id) {
        return jobs.cancel(id);
    }
}
