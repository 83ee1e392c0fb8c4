package io.socialroi.common.openapi;

import io.socialroi.common.problem.Params;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The suite's shared query parameters are read as text by every service (so a bad value is a 422 naming it, not
 * a framework 404) and parsed by one rule each ({@code Params}, {@code ReportQuery}); this documents what those
 * rules accept, so a generated client takes a date for {@code from}, a number for {@code lookbackDays} and one
 * of the models for {@code model}. Only a parameter the resource left undocumented (a bare string) is typed:
 * an annotation on the resource wins.
 */
final class QueryParameters {

    private static final String CODES = "^[A-Z][A-Z_]*(,[A-Z][A-Z_]*)*$";

    static final List<String> MODELS = List.of("FIRST_TOUCH", "LAST_TOUCH", "LINEAR", "TIME_DECAY",
            "POSITION_BASED", "DATA_DRIVEN");

    /** DATA_DRIVEN's methods (conversion-service DataDriven.Method). */
    static final List<String> METHODS = List.of("MARKOV", "SHAPLEY");

    private static final Map<String, Supplier<Schema>> SHARED = Map.ofEntries(
            Map.entry("from", () -> date().description("First local day (YYYY-MM-DD, inclusive) in the workspace's time "
                    + "zone, from " + Params.FIRST_DAY + " to " + Params.LAST_DAY)),
            Map.entry("to", () -> date().description("Last local day (YYYY-MM-DD, inclusive) in the workspace's time "
                    + "zone; not before from, and a period covers at most " + Params.MAX_PERIOD_DAYS + " days")),
            Map.entry("lookbackDays", () -> integer(1, 90).defaultValue(30)
                    .description("Days before a conversion in which touches count (at most the capture window)")),
            Map.entry("halfLifeDays", () -> OASFactory.createSchema().addType(Schema.SchemaType.NUMBER)
                    .minimum(new BigDecimal("0.01")).maximum(BigDecimal.valueOf(365)).defaultValue(7)
                    .description("TIME_DECAY: days after which a touch's weight halves")),
            Map.entry("model", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(List.copyOf(MODELS)).defaultValue("LAST_TOUCH").description("Attribution model")),
            Map.entry("method", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(List.copyOf(METHODS)).defaultValue("MARKOV")
                    .description("DATA_DRIVEN: Markov removal effects, or exact Shapley values (at most 12 channels)")),
            Map.entry("models", () -> text(160).pattern(CODES).description("Comma-separated attribution models")),
            Map.entry("touchTypes", () -> text(256).pattern(CODES)
                    .description("Comma-separated event types that count as touches")),
            Map.entry("groupBy", () -> text(32).pattern("^[A-Za-z]+$").description("The grouping of the rows")),
            Map.entry("cursor", () -> text(512).description("nextCursor of the previous page")),
            Map.entry("limit", () -> integer(1, Params.MAX_LIMIT).defaultValue(Params.DEFAULT_LIMIT)
                    .description("Page size")),
            Map.entry("campaignId", () -> uuid().description("Only this campaign")),
            Map.entry("postId", () -> uuid().description("Only this post")),
            Map.entry("platform", () -> code().description("Only this platform")),
            Map.entry("stage", () -> code().description("Only this funnel stage")),
            Map.entry("status", () -> code().description("Only this status")),
            Map.entry("type", () -> code().description("Only this type")),
            Map.entry("category", () -> code().description("Only this category")),
            Map.entry("customerId", () -> text(200).description("Your customer id")),
            Map.entry("actorId", () -> text(200).description("The platform's id of the person")));

    /** Path, header and cookie parameters by where and name: ids, codes and the headers the redirect reads. */
    private static final Map<String, Supplier<Schema>> OTHERS = Map.ofEntries(
            Map.entry("path token", () -> text(128).description("The token from the link")),
            Map.entry("path code", () -> text(64).pattern("^[A-Za-z0-9_-]+$").description("The tracked link's code")),
            Map.entry("path audienceId", () -> text(64).description("The audience's id")),
            Map.entry("path conversionId", () -> text(200).description("The conversion's id")),
            Map.entry("path clientId", () -> text(128).description("The credential's client_id")),
            Map.entry("path customerId", () -> text(200).description("Your customer id")),
            Map.entry("path currency", () -> text(3).pattern("^[A-Za-z]{3}$").description("ISO 4217 code")),
            Map.entry("path date", () -> date().description("The local day (YYYY-MM-DD)")),
            Map.entry("path platform", () -> code().description("The platform")),
            Map.entry("query before", () -> OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .format("date-time").maxLength(35).description("Only touches before this instant")),
            Map.entry("query clickId", () -> text(200).description("The click id (smclid) of a tracked link")),
            Map.entry("header User-Agent", () -> text(8192).description("The browser's or crawler's User-Agent")),
            Map.entry("header Purpose", () -> text(64).description("prefetch/preview hints are not counted as clicks")),
            Map.entry("header Sec-Purpose", () -> text(64).description("prefetch hints are not counted as clicks")),
            Map.entry("header X-Purpose", () -> text(64).description("preview hints are not counted as clicks")),
            Map.entry("header X-Moz", () -> text(64).description("prefetch hints are not counted as clicks")),
            Map.entry("cookie smv", () -> text(64).description("The visitor cookie the redirect sets")),
            Map.entry("cookie suite_token", () -> text(8192).description("The web app's session cookie")));

    private QueryParameters() {
    }

    static void apply(Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        for (Parameter parameter : op.getParameters()) {
            Supplier<Schema> shared = parameter.getIn() == Parameter.In.QUERY ? SHARED.get(parameter.getName()) : null;
            if (shared == null && parameter.getIn() != null) {
                shared = OTHERS.get(parameter.getIn().toString() + " " + parameter.getName());
            }
            if (shared != null && bare(parameter.getSchema())) {
                Schema schema = shared.get();
                parameter.setSchema(schema);
                if (parameter.getDescription() == null) {
                    parameter.setDescription(schema.getDescription());
                }
            }
        }
    }

    /** Undocumented: no schema, or a plain string with no format, bound, enumeration or pattern of its own. */
    static boolean bare(Schema schema) {
        return schema == null || (schema.getRef() == null && List.of(Schema.SchemaType.STRING).equals(schema.getType())
                && schema.getFormat() == null && schema.getMaxLength() == null && schema.getEnumeration() == null
                && schema.getPattern() == null);
    }

    private static Schema text(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema code() {
        return text(40).pattern("^[A-Z][A-Z_]*$");
    }

    private static Schema date() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date").maxLength(10);
    }

    private static Schema uuid() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid").maxLength(36);
    }

    private static Schema integer(int min, int max) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max));
    }
}
