package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

/** What the scanner writes beside a $ref (a type, a form body's properties) is dropped; annotations stay. */
class ReferenceSchemaTest {

    private final SuiteOpenApi filter = new SuiteOpenApi();

    @Test
    void aReferenceKeepsItsDescriptionAndExamplesButNotATypeOrProperties() {
        Schema money = OASFactory.createSchema().ref("#/components/schemas/Money").addType(Schema.SchemaType.OBJECT)
                .description("Not negative").examples(List.of(Map.of("amount", "1.00", "currency", "EUR")))
                .properties(Map.of("amount", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));

        Schema filtered = filter.filterSchema(money);

        assertEquals("#/components/schemas/Money", filtered.getRef());
        assertNull(filtered.getType());
        assertNull(filtered.getProperties());
        assertEquals("Not negative", filtered.getDescription());
        assertEquals(1, filtered.getExamples().size());
    }

    @Test
    void aSchemaWithoutReferenceIsLeftAsItIs() {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(80);

        Schema filtered = filter.filterSchema(text);

        assertEquals(List.of(Schema.SchemaType.STRING), filtered.getType());
        assertEquals(80, filtered.getMaxLength());
    }
}
