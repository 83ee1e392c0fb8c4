package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

class UnusedSchemasTest {

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref("#/components/schemas/" + name);
    }

    @Test
    void schemasReachedFromAnOperationStayThroughPropertiesItemsAndHeadersTheRestGo() {
        OpenAPI api = OASFactory.createOpenAPI()
                .components(OASFactory.createComponents()
                        .addSchema("Report", OASFactory.createSchema().addProperty("rows",
                                OASFactory.createSchema().items(ref("Row"))))
                        .addSchema("Row", OASFactory.createSchema().addProperty("revenue", ref("Money")))
                        .addSchema("Money", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                        .addSchema("Limit", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                        .addSchema("JsonNode", OASFactory.createSchema().addProperty("array",
                                OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)))
                        .addSchema("JsonNodeType", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                        .addHeader("RateLimit", OASFactory.createHeader().schema(ref("Limit"))))
                .paths(OASFactory.createPaths().addPathItem("/report", OASFactory.createPathItem().GET(
                        OASFactory.createOperation().responses(OASFactory.createAPIResponses().addAPIResponse("200",
                                OASFactory.createAPIResponse().content(OASFactory.createContent().addMediaType(
                                        "application/json", OASFactory.createMediaType().schema(ref("Report")))))))));

        UnusedSchemas.prune(api);

        assertEquals(Set.of("Limit", "Money", "Report", "Row"), new TreeSet<>(api.getComponents().getSchemas().keySet()));
    }
}
