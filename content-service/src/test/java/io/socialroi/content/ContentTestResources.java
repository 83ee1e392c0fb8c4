package io.socialroi.content;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.socialroi.testing.TestDatabase;

/** Every content-service test runs against a fresh PostgreSQL database of its own. */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "name", value = "content"))
public class ContentTestResources {
}
