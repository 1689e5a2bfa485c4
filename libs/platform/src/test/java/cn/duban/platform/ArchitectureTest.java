package cn.duban.platform;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule thePlatformDependsOnNoService = noClasses().should().dependOnClassesThat(
            resideInAPackage("cn.duban..").and(resideOutsideOfPackages(
                    "cn.duban.platform..", "cn.duban.events..", "cn.duban.text..")))
            .because("libraries lie under the services: what a service needs from the platform, the platform must"
                    + " not need back");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("cn.duban.platform.(*)..").should().beFreeOfCycles()
            .because("messaging, persistence, REST, health and security are taken one by one by the services");
}
