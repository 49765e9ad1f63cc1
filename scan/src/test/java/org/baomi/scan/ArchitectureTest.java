package org.baomi.scan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.baomi.scan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule noFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.baomi.server..", "org.baomi.agent..")
            .because("the engine is a library for the server and the agent, and runs alone as baomi scan");

    @ArchTest
    static final ArchRule engineIgnoresTheCommandLine = noClasses().that()
            .resideInAnyPackage("org.baomi.scan.engine..", "org.baomi.scan.match..", "org.baomi.scan.extract..",
                    "org.baomi.scan.rules..")
            .should().dependOnClassesThat().resideInAnyPackage("org.baomi.scan.cli..", "picocli..", "org.baomi.scan.report..")
            .because("the command line and its writers sit on top of the engine, never inside it");

    @ArchTest
    static final ArchRule matcherStandsAlone = noClasses().that().resideInAPackage("org.baomi.scan.match..")
            .should().dependOnClassesThat().resideInAnyPackage("org.baomi.scan.engine..", "org.baomi.scan.extract..")
            .because("the automaton is reused by benchmarks and other callers without the engine");
}
