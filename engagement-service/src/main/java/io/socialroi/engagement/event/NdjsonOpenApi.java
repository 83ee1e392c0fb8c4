package io.socialroi.engagement.event;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The NDJSON request example of event ingestion: an annotation example that looks like JSON is parsed, which keeps
 * only its first line. (Problem answers, security and bounds are the suite-wide SuiteOpenApi's.)
 */
@OpenApiFilter(value = OpenApiFilter.RunStage.BUILD, priority = 30)
public class NdjsonOpenApi implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : api.getPaths().getPathItems().values()) {
            if (path.getOperations() == null) {
                continue;
            }
            for (Operation op : path.getOperations().values()) {
                if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
                    continue;
                }
                MediaType ndjson = op.getRequestBody().getContent().getMediaType(EventResource.NDJSON);
                if (ndjson != null) {
                    ndjson.setExamples(null);
                    ndjson.setExample(EventResource.NDJSON_EXAMPLE);
                    ndjson.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                            .maxLength(1_048_576).description("One event object per line"));
                }
            }
        }
    }
}
