package io.socialroi.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.socialroi.testing.TestDatabase;

/**
 * Every reporting-service test runs against a fresh PostgreSQL database of its own, and against fake
 * content-, engagement- and conversion-services on random ports.
 */
@QuarkusTestResource(value = TestDatabase.class, initArgs = @ResourceArg(name = "name", value = "reporting"))
@QuarkusTestResource(FakeServices.class)
public class ReportingTestResources {
}
