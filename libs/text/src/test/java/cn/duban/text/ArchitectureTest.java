package cn.duban.text;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The walls of CONVENTIONS.md, kept by a test rather than by memory. */
@AnalyzeClasses(packages = "cn.duban.text", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule textStandsOnTheJdkAlone = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "cn.duban.text..")
            .because("every module, the rule engine included, says things in two languages with it; it must bring"
                    + " no framework and no service along");
}
