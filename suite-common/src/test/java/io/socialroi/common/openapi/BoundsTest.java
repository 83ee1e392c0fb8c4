package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.junit.jupiter.api.Test;

/** Every unbounded string, array and integer gets the bound the service holds to; declared bounds win. */
class BoundsTest {

    private static Schema bound(Schema schema) {
        Bounds.schema(schema, Collections.newSetFromMap(new IdentityHashMap<>()));
        return schema;
    }

    private static Schema of(Schema.SchemaType type) {
        return OASFactory.createSchema().addType(type);
    }

    @Test
    void stringsAreBoundedByTheirFormatOrTheBodyLimit() {
        assertEquals(Bounds.BODY_LIMIT, bound(of(Schema.SchemaType.STRING)).getMaxLength());
        assertEquals(36, bound(of(Schema.SchemaType.STRING).format("uuid")).getMaxLength());
        assertEquals(10, bound(of(Schema.SchemaType.STRING).format("date")).getMaxLength());
        assertEquals(35, bound(of(Schema.SchemaType.STRING).format("date-time")).getMaxLength());
        assertEquals(2048, bound(of(Schema.SchemaType.STRING).format("uri")).getMaxLength());
        assertEquals(200, bound(of(Schema.SchemaType.STRING).maxLength(200)).getMaxLength());
        assertNull(bound(of(Schema.SchemaType.STRING).enumeration(List.of("A", "B"))).getMaxLength());
    }

    @Test
    void integersStayWithinTheirJavaTypeAndArraysWithinThePageAndBodyLimits() {
        Schema int32 = bound(of(Schema.SchemaType.INTEGER).format("int32"));
        assertEquals(BigDecimal.valueOf(Integer.MIN_VALUE), int32.getMinimum());
        assertEquals(BigDecimal.valueOf(Integer.MAX_VALUE), int32.getMaximum());
        Schema small = bound(of(Schema.SchemaType.INTEGER).minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(500)));
        assertEquals("int32", small.getFormat());
        assertEquals(BigDecimal.valueOf(500), small.getMaximum());
        Schema unbounded = bound(of(Schema.SchemaType.INTEGER));
        assertEquals("int64", unbounded.getFormat());
        assertEquals(BigDecimal.valueOf(Long.MAX_VALUE), unbounded.getMaximum());
        assertEquals(Bounds.MAX_ITEMS, bound(of(Schema.SchemaType.ARRAY)).getMaxItems());
        assertEquals(1000, bound(of(Schema.SchemaType.ARRAY).maxItems(1000)).getMaxItems());
    }

    @Test
    void nestedPropertiesAndItemsAreBoundedButAReferenceIsLeftToItsTarget() {
        Schema item = of(Schema.SchemaType.STRING);
        Schema reference = OASFactory.createSchema().ref("#/components/schemas/Money");
        Schema object = of(Schema.SchemaType.OBJECT).addProperty("tags", of(Schema.SchemaType.ARRAY).items(item))
                .addProperty("value", reference);

        bound(object);

        assertEquals(Bounds.MAX_ITEMS, object.getProperties().get("tags").getMaxItems());
        assertEquals(Bounds.BODY_LIMIT, item.getMaxLength());
        assertNull(reference.getMaxLength());
    }
}
