package io.socialroi.conversion;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.socialroi.testing.TestDatabase;

/**
 * Every conversion-service test runs against a fresh PostgreSQL database of its own, and against fakes of
 * content-service and engagement-service on real HTTP ({@link FakeServices}).
 */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "name", value = "conversion"))
@QuarkusTestResource(FakeServices.class)
public class ConversionTestResources {
}
