package cn.duban.gateway;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theGatewayImportsNoOtherService = noClasses().should().dependOnClassesThat(
            resideInAPackage("cn.duban..").and(resideOutsideOfPackages(
                    "cn.duban.gateway..", "cn.duban.text..", "cn.duban.events..", "cn.duban.platform..")))
            .because("services meet only through Kafka and public REST; the gateway forwards to them by URL");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("cn.duban.gateway.(*)..").should().beFreeOfCycles()
            .because("the edge admits, the proxy forwards, the mobile API composes them, and only the routing table"
                    + " knows them all");
}
