package cn.duban.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theContractNeedsNoFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "io.smallrye..", "io.vertx..", "jakarta..", "org.hibernate..",
                    "org.apache.kafka..")
            .because("the event contract is plain records every service and the rule engine share; the framework"
                    + " is each service's own choice");

    @ArchTest
    static final ArchRule theContractStandsOnNothingOfOurs = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson..", "cn.duban.events..")
            .because("events stands on nothing of ours: it is the floor the services stand on, and its JSON is"
                    + " written with Jackson alone");
}
