package cn.duban.agriculture;

import cn.duban.testsupport.DubanInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of agriculture runs against the real test broker and duban_agriculture_test. */
@QuarkusTestResource(value = DubanInfraResource.class, initArgs = @ResourceArg(name = "service", value = "agriculture"))
public class AgricultureInfra {
}
