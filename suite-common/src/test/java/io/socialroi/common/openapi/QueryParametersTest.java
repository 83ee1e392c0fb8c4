package io.socialroi.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** The shared report and paging parameters come out typed; what a resource documented itself stays. */
class QueryParametersTest {

    private static Parameter query(String name, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).schema(schema);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    @Test
    void datesNumbersAndModelsAreTypedAndTheirRulesSaid() {
        Operation op = OASFactory.createOperation().parameters(List.of(query("from", string()), query("to", null),
                query("lookbackDays", string()), query("halfLifeDays", string()), query("model", string()),
                query("limit", string())));

        QueryParameters.apply(op);

        Schema from = op.getParameters().get(0).getSchema();
        assertEquals("date", from.getFormat());
        assertEquals("date", op.getParameters().get(1).getSchema().getFormat());
        Schema lookback = op.getParameters().get(2).getSchema();
        assertEquals(List.of(Schema.SchemaType.INTEGER), lookback.getType());
        assertEquals(BigDecimal.ONE, lookback.getMinimum());
        assertEquals(BigDecimal.valueOf(90), lookback.getMaximum());
        assertEquals(List.of(Schema.SchemaType.NUMBER), op.getParameters().get(3).getSchema().getType());
        assertEquals(List.of("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY", "POSITION_BASED", "DATA_DRIVEN"),
                op.getParameters().get(4).getSchema().getEnumeration());
        assertEquals(BigDecimal.valueOf(500), op.getParameters().get(5).getSchema().getMaximum());
        assertEquals(from.getDescription(), op.getParameters().get(0).getDescription());
    }

    @Test
    void aParameterTheResourceDocumentedOrAPathParameterIsLeftAlone() {
        Schema bounded = string().maxLength(12);
        Parameter documented = query("groupBy", bounded).description("post or platform");
        Parameter path = OASFactory.createParameter().name("postId").in(Parameter.In.PATH).schema(string());
        Parameter unknown = query("q", string());
        Operation op = OASFactory.createOperation().parameters(List.of(documented, path, unknown));

        QueryParameters.apply(op);

        assertEquals(12, op.getParameters().get(0).getSchema().getMaxLength());
        assertEquals("post or platform", op.getParameters().get(0).getDescription());
        assertEquals(null, op.getParameters().get(1).getSchema().getFormat());
        assertEquals(null, op.getParameters().get(2).getSchema().getMaxLength());
    }

    @Test
    void pathHeaderAndCookieParametersAreBoundedByWhereAndName() {
        Parameter code = OASFactory.createParameter().name("code").in(Parameter.In.PATH).schema(string());
        Parameter agent = OASFactory.createParameter().name("User-Agent").in(Parameter.In.HEADER).schema(string());
        Parameter currency = OASFactory.createParameter().name("currency").in(Parameter.In.PATH).schema(string());
        Parameter queryCode = query("code", string());
        Operation op = OASFactory.createOperation().parameters(List.of(code, agent, currency, queryCode));

        QueryParameters.apply(op);

        assertEquals(64, op.getParameters().get(0).getSchema().getMaxLength());
        assertEquals(8192, op.getParameters().get(1).getSchema().getMaxLength());
        assertEquals("^[A-Za-z]{3}$", op.getParameters().get(2).getSchema().getPattern());
        assertEquals(null, op.getParameters().get(3).getSchema().getMaxLength(), "a query code is not a path code");
    }
}
