package dev.shophealth.dataimport;

import dev.shophealth.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Import of shops, products, orders, evidence and feedback from CSV or JSON files. */
@Path("/api/import")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ImportResource {

    @Inject
    ImportService imports;

    @POST
    @Path("/{kind}")
    @Consumes({"text/csv", MediaType.APPLICATION_JSON})
    @Operation(summary = "Import a file of one record kind",
            description = "Kinds: shops, products, orders, stock-counts, inspections, logistics-events, reviews, "
                    + "complaints. CSV (UTF-8, header row) or a JSON array. Every row is validated first; one bad "
                    + "row rejects the file with its line and field and nothing is written. Records are upserted "
                    + "by their natural key, so re-importing a file duplicates nothing.")
    public ImportReport importFile(@PathParam("kind") String kind,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType,
            @Parameter(description = "true: validate only, write nothing") @QueryParam("dryRun") @DefaultValue("false")
            boolean dryRun, String body) {
        imports.requireKind(kind);
        boolean csv = contentType != null && "csv".equalsIgnoreCase(contentType.getSubtype());
        var rows = csv ? RowReader.csv(body == null ? "" : body) : RowReader.json(body == null ? "" : body);
        return imports.importFile(kind, csv ? "csv" : "json", rows, dryRun);
    }
}
