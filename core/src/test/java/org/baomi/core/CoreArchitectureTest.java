package org.baomi.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.baomi.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNoFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "org.hibernate..", "com.fasterxml..", "tools.jackson..")
            .because("core holds the rules of confidentiality work and is shared by the server, the scanner and the agent;"
                    + " a framework there would drag into all of them");

    @ArchTest
    static final ArchRule coreDependsOnNoOtherModule = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.baomi.server..", "org.baomi.scan..", "org.baomi.agent..")
            .because("dependencies point towards core, never out of it");
}
