package cn.duban.supervision;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import cn.duban.events.CountyTime;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
    static final ArchRule theDrafterIsPlainJava = noClasses().that().resideInAPackage("..supervision.draft..")
            .should().dependOnClassesThat().resideInAnyPackage("io.quarkus..", "jakarta..", "org.hibernate..",
                    "cn.duban.supervision.repository..", "cn.duban.supervision.service..", "cn.duban.supervision.rest..")
            .because("drafting a report is plain rules over its words, testable with no framework (docs/drafts.md)");

    @ArchTest
    static final ArchRule servicesDoNotImportEachOther = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("cn.duban.sectorkit..", "cn.duban.agriculture..")
            .because("services meet only through Kafka and public REST");

    @ArchTest
    static final ArchRule resourcesLeaveTransactionsToServices = noClasses().that().resideInAPackage("..rest..")
            .should().dependOnClassesThat().haveFullyQualifiedName("cn.duban.platform.messaging.Outbox")
            .because("resources map and return; use cases in service/ publish");

    /**
     * Resources map and return view records; the database and its entities are the services' business. States are
     * enums end to end (from the column to the JSON), so an entity's state enum is the one thing a resource may name.
     */
    @ArchTest
    static final ArchRule resourcesLeaveRepositoriesToServices = noClasses().that().resideInAPackage("..supervision.rest..")
            .should().dependOnClassesThat(resideInAPackage("..supervision.repository..")
                    .and(not(DescribedPredicate.describe("enums", JavaClass::isEnum))))
            .because("resources call one service method and return a view record (CONVENTIONS.md)");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("cn.duban.supervision.(*)..").should().beFreeOfCycles()
            .because("a package that needs another must not be needed by it: each can then be read and changed alone");
}
