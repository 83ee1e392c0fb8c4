package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

/** A PATCH body is the create body with nothing required, under its own name; POST keeps the create schema. */
class MergePatchTest {

    private static OpenAPI api() {
        Schema request = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).required(List.of("name", "timeZone"))
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(200))
                .addProperty("timeZone", OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(64));
        return OASFactory.createOpenAPI()
                .components(OASFactory.createComponents().addSchema("WorkspaceRequest", request))
                .paths(OASFactory.createPaths().addPathItem("/workspaces/{workspaceId}", OASFactory.createPathItem()
                        .PATCH(OASFactory.createOperation().requestBody(body()))
                        .POST(OASFactory.createOperation().requestBody(body()))));
    }

    private static org.eclipse.microprofile.openapi.models.parameters.RequestBody body() {
        return OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/WorkspaceRequest"))));
    }

    @Test
    void thePatchReferencesACopyWithoutRequiredFields() {
        OpenAPI api = api();

        SuiteOpenApi.mergePatches(api);

        Schema patch = api.getComponents().getSchemas().get("WorkspacePatch");
        assertNull(patch.getRequired());
        assertEquals(List.of("name", "timeZone"), List.copyOf(patch.getProperties().keySet()));
        assertEquals(200, patch.getProperties().get("name").getMaxLength());
        assertEquals("#/components/schemas/WorkspacePatch", api.getPaths().getPathItem("/workspaces/{workspaceId}")
                .getPATCH().getRequestBody().getContent().getMediaType("application/json").getSchema().getRef());
        assertEquals("#/components/schemas/WorkspaceRequest", api.getPaths().getPathItem("/workspaces/{workspaceId}")
                .getPOST().getRequestBody().getContent().getMediaType("application/json").getSchema().getRef());
        assertEquals(List.of("name", "timeZone"), api.getComponents().getSchemas().get("WorkspaceRequest").getRequired());
    }
}
