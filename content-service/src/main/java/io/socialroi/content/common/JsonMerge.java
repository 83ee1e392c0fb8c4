package io.socialroi.content.common;

import io.quarkus.runtime.annotations.RegisterForReflection;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socialroi.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Set;

/**
 * {@code PATCH} as a JSON merge patch (RFC 7396): the patch is laid over the current state written as its
 * create request, and the result is read and validated exactly as a create would be, so both share one
 * set of rules and field errors.
 */
@ApplicationScoped
/* PATCH merges go through valueToTree / treeToValue of these request types, outside REST's own registration. */
@RegisterForReflection(targets = {io.socialroi.content.campaign.CampaignRequest.class,
    io.socialroi.content.post.PostRequest.class, io.socialroi.common.money.Money.class,
    io.socialroi.content.workspace.WorkspaceRequest.class})
public class JsonMerge {

    private final ObjectMapper mapper;
    private final Validator validator;

    public JsonMerge(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) throws JsonProcessingException {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("A PATCH body must be a JSON object of the fields to change");
        }
        ObjectNode merged = mapper.valueToTree(current);
        patch.properties().forEach(field -> merged.set(field.getKey(), field.getValue()));
        T result = mapper.treeToValue(merged, type);
        Set<ConstraintViolation<T>> violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }
}
