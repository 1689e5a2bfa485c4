package cn.duban.supervision;

import cn.duban.testsupport.DubanInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of supervision runs against the real test broker and duban_supervision_test. */
@QuarkusTestResource(value = DubanInfraResource.class, initArgs = @ResourceArg(name = "service", value = "supervision"))
public class SupervisionInfra {
}
