package cn.duban.notifier;

import cn.duban.testsupport.DubanInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every @QuarkusTest of the notifier runs against the real test broker, duban_notifier_test and a local GreenMail. */
@QuarkusTestResource(value = DubanInfraResource.class, initArgs = @ResourceArg(name = "service", value = "notifier"))
@QuarkusTestResource(LocalMail.class)
public class NotifierInfra {
}
