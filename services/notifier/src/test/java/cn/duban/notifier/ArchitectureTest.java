package cn.duban.notifier;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theNotifierImportsNoOtherService = noClasses().should().dependOnClassesThat(
            resideInAPackage("cn.duban..").and(resideOutsideOfPackages(
                    "cn.duban.notifier..", "cn.duban.text..", "cn.duban.events..", "cn.duban.platform..")))
            .because("services meet only through Kafka and public REST; the notifier hears alerts on Kafka");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("cn.duban.notifier.(*)..").should().beFreeOfCycles()
            .because("a package that needs another must not be needed by it: each can then be read and changed alone");

    /** Resources map and return view records; the database and its entities are the services' business. */
    @ArchTest
    static final ArchRule resourcesLeaveRepositoriesToServices = noClasses()
            .that().resideInAPackage("..notifier.rest..")
            .should().dependOnClassesThat().resideInAPackage("..notifier.repository..")
            .because("resources call one service method and return a view record (CONVENTIONS.md)");
}
