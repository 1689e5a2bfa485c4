package cn.duban.sectorkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The walls of CONVENTIONS.md, kept by a test rather than by memory. The six sector services hold no Java of
 * their own (only configuration over this kit), so their walls are these.
 */
@AnalyzeClasses(packages = "cn.duban.sectorkit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule sectorsNeverImportSupervisionGatewayOrNotifier = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("cn.duban.supervision..", "cn.duban.gateway..", "cn.duban.notifier..")
            .because("a sector meets supervision through Kafka and the gateway and notifier through REST, never"
                    + " through their code");

    @ArchTest
    static final ArchRule theKitStandsOnLibrariesOnly = noClasses().should().dependOnClassesThat(
            resideInAPackage("cn.duban..").and(resideOutsideOfPackages(
                    "cn.duban.sectorkit..", "cn.duban.platform..", "cn.duban.events..", "cn.duban.text..")))
            .because("sector services stand on sector-kit, and sector-kit on events, platform and text alone");

    @ArchTest
    static final ArchRule packagesFormNoCycle = slices().matching("cn.duban.sectorkit.(*)..").should().beFreeOfCycles()
            .because("a package that needs another must not be needed by it: each can then be read and changed alone");

    /** Resources map and return view records; the database and its entities are the services' business. */
    @ArchTest
    static final ArchRule resourcesLeaveRepositoriesToServices = noClasses()
            .that().resideInAPackage("..sectorkit.rest..")
            .should().dependOnClassesThat().resideInAPackage("..sectorkit.repository..")
            .because("resources call one service method and return a view record (CONVENTIONS.md)");
}
