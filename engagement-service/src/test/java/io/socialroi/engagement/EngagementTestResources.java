package io.socialroi.engagement;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.socialroi.testing.TestDatabase;

/** Every engagement-service test runs against a fresh PostgreSQL database of its own and a fake content-service. */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "name", value = "engagement"))
@QuarkusTestResource(ContentFake.class)
public class EngagementTestResources {
}
