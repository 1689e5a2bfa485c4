package cn.duban.supervision;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;

import cn.duban.events.CountyTime;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.supervision", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theRuleEngineIsPlainJava = noClasses().that().resideInAPackage("..supervision.engine..")
            .should().dependOnClassesThat(resideOutsideOfPackages("java..", "cn.duban.supervision.engine..")
                    .and(not(type(CountyTime.class))))
            .because("the alert engine must be testable with no framework at all (the county's zone is a constant of the contract)");

    @ArchTest
    static final ArchRule servicesDoNotImportEachOther = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("cn.duban.sectorkit..", "cn.duban.agriculture..")
            .because("services meet only through Kafka and public REST");

    @ArchTest
    static final ArchRule resourcesLeaveTransactionsToServices = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().haveFullyQualifiedName("cn.duban.platform.messaging.Outbox")
            .because("resources map and return; use cases in service/ publish");
}
