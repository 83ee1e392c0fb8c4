package io.socialroi.conversion.audience;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One page of the actor search, ordered by actorId. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActorPage(List<Actor> items, String nextCursor) {
}
